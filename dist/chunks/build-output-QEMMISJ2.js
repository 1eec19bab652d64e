import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  buildOutputContract
} from "./chunk-SIVUHDNW.js";
import "./chunk-UBXZVA46.js";
import {
  CSS_FILE,
  JS_FILE,
  findBuildDir,
  listBuildFiles,
  missingBuildDirReason
} from "./chunk-OL436QEU.js";
import {
  defineCheck
} from "./chunk-BFBJ7VPU.js";
import "./chunk-AFGJAQNY.js";
import "./chunk-RT25MZKP.js";
import "./chunk-CO3T5JD3.js";

// checks/build-output.ts
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, posix, relative } from "node:path";

// checks/lib/build/build-scan.ts
function findAll(text, pattern, limit = 100) {
  const hits = [];
  let line = 1;
  let lineStart = 0;
  let newline = text.indexOf("\n");
  for (const match of text.matchAll(pattern)) {
    while (newline !== -1 && newline < match.index) {
      line++;
      lineStart = newline + 1;
      newline = text.indexOf("\n", newline + 1);
    }
    hits.push({ line, column: match.index - lineStart + 1, match: match[0] });
    if (hits.length >= limit) break;
  }
  return hits;
}
var MINIFIED_MIN_AVG_LINE = 200;
var MINIFIED_MAX_WHITESPACE = 0.2;
var MINIFIED_MIN_BYTES = 1e3;
var STRING_LITERAL = /`(?:[^`\\]|\\[\s\S])*`|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g;
function textShape(text) {
  const withoutMap = text.replace(/\n?\/[/*][#@] sourceMappingURL=[^\n]*\s*$/, "");
  const code = withoutMap.replace(STRING_LITERAL, (literal) => `${literal[0]}${literal[0]}`);
  const lines = code.split("\n").length;
  const averageLineLength = code.length / lines;
  const whitespace = code.match(/\s/g)?.length ?? 0;
  const whitespaceRatio = code.length === 0 ? 0 : whitespace / code.length;
  return {
    averageLineLength,
    whitespaceRatio,
    codeLength: code.length,
    minified: averageLineLength > MINIFIED_MIN_AVG_LINE && whitespaceRatio < MINIFIED_MAX_WHITESPACE
  };
}
function sourceMapRef(text) {
  const refs = [...text.matchAll(/\/[/*][#@]\s*sourceMappingURL=([^\s*]+)/g)];
  const url = refs.at(-1)?.[1];
  if (url === void 0) return { kind: "none" };
  if (/^data:/i.test(url)) return { kind: "inline" };
  return { kind: "url", url };
}

// checks/build-output.ts
var MAX_FINDINGS = 100;
function outcome(status, summary, findings, details) {
  const listed = findings.slice(0, MAX_FINDINGS);
  const more = findings.length - listed.length;
  const note = more > 0 ? `${more} more finding(s) not listed` : void 0;
  return {
    status,
    summary,
    findings: listed,
    details: [details, note].filter(Boolean).join("\n") || void 0
  };
}
function checkSourceMaps(build) {
  const findings = [];
  let inlined = 0;
  let separate = 0;
  const assets = build.files.filter((file) => JS_FILE.test(file) || CSS_FILE.test(file));
  for (const file of assets) {
    const isJs = JS_FILE.test(file);
    const ref = sourceMapRef(build.read(file));
    if (ref.kind === "inline") {
      inlined++;
      findings.push({
        file: build.repoPath(file),
        message: "source map is inlined as a data: URL (ships the sources)"
      });
    } else if (ref.kind === "url") {
      const target = ref.url.split(/[?#]/)[0] ?? "";
      const remote = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(target);
      const local = target.startsWith("/") ? join(build.buildDir, target) : join(build.buildDir, dirname(file), target);
      if (remote || existsSync(local)) {
        if (isJs) separate++;
      } else {
        findings.push({
          file: build.repoPath(file),
          message: `references ${ref.url}, which is not in the build`
        });
      }
    } else if (isJs) {
      const sibling = build.files.includes(`${file}.map`);
      const why = sibling ? `${posix.basename(file)}.map exists but is not referenced` : "no source map";
      findings.push({ file: build.repoPath(file), message: `${why} (expected //# sourceMappingURL=\u2026map)` });
    }
  }
  if (build.js.length === 0 && findings.length === 0) {
    return { status: "skipped", summary: `no JS files in ${build.label}` };
  }
  const ratio = `${separate}/${build.js.length} JS files reference separate .map files`;
  const summary = `Source maps: ${ratio}, ${inlined} inlined`;
  return outcome(findings.length === 0 ? "pass" : "fail", summary, findings);
}
function checkMinified(build) {
  const rule = `avg line > ${MINIFIED_MIN_AVG_LINE} chars and whitespace < ${MINIFIED_MAX_WHITESPACE * 100}%`;
  const findings = [];
  const judged = build.files.filter((file) => JS_FILE.test(file) || CSS_FILE.test(file));
  let count = 0;
  for (const file of judged) {
    const text = build.read(file);
    if (Buffer.byteLength(text) <= MINIFIED_MIN_BYTES) continue;
    const shape = textShape(text);
    if (shape.codeLength <= MINIFIED_MIN_BYTES) continue;
    count++;
    if (shape.minified) continue;
    const measured = `avg line ${Math.round(shape.averageLineLength)} chars, whitespace ${Math.round(shape.whitespaceRatio * 100)}%`;
    findings.push({ file: build.repoPath(file), message: `not minified: ${measured}` });
  }
  if (count === 0) return { status: "pass", summary: `no JS/CSS file over 1 kB in ${build.label} to judge` };
  const summary = findings.length === 0 ? `${count}/${count} JS/CSS files > 1 kB minified (${rule})` : `${findings.length} of ${count} JS/CSS files > 1 kB not minified (${rule})`;
  return outcome(findings.length === 0 ? "pass" : "fail", summary, findings);
}
function checkConsole(build) {
  if (build.js.length === 0) return { status: "skipped", summary: `no JS files in ${build.label}` };
  const findings = [];
  for (const file of build.js) {
    for (const hit of findAll(build.read(file), /\bconsole\s*\.\s*(?:log|debug)\s*\(/g, MAX_FINDINGS)) {
      const call = hit.match.replace(/\s/g, "");
      findings.push({
        file: build.repoPath(file),
        line: hit.line,
        message: `${call} left in (column ${hit.column})`
      });
    }
  }
  const summary = findings.length === 0 ? `no console.log/console.debug calls in ${build.js.length} JS files` : `${findings.length} console.log/console.debug call(s) left in ${new Set(findings.map((f) => f.file)).size} JS file(s)`;
  return outcome(findings.length === 0 ? "pass" : "fail", summary, findings);
}
function checkEnv(build) {
  const findings = [];
  for (const file of build.files.filter((name) => /^\.env(?:\..*)?$/.test(posix.basename(name)))) {
    findings.push({
      file: build.repoPath(file),
      message: ".env file copied into the build (would be served publicly)"
    });
  }
  const envFiles = findings.length;
  for (const file of build.js) {
    for (const hit of findAll(build.read(file), /\bprocess\s*\.\s*env\b/g, MAX_FINDINGS)) {
      findings.push({
        file: build.repoPath(file),
        line: hit.line,
        message: `process.env reference not replaced at build time (column ${hit.column})`
      });
    }
  }
  const references = findings.length - envFiles;
  if (findings.length === 0) {
    const summary2 = `Environment variables verified: no process.env in ${build.js.length} JS files, no .env file in ${build.label}`;
    return outcome("pass", summary2, findings);
  }
  const summary = `${references} unreplaced process.env reference(s) in JS, ${envFiles} .env file(s) in ${build.label}`;
  return outcome("fail", summary, findings);
}
var buildOutputCheck = defineCheck({
  ...buildOutputContract,
  async run({ aspect }, ctx) {
    const buildDir = findBuildDir(ctx);
    if (!buildDir) return { status: "skipped", summary: missingBuildDirReason(ctx) };
    const files = listBuildFiles(buildDir);
    const repoPath = (file) => relative(ctx.repoDir, join(buildDir, file)).split("\\").join("/");
    const cache = /* @__PURE__ */ new Map();
    const build = {
      buildDir,
      label: `${repoPath(".") || "."}/`,
      files,
      js: files.filter((file) => JS_FILE.test(file)),
      read(file) {
        let text = cache.get(file);
        if (text === void 0) {
          text = readFileSync(join(buildDir, file), "utf8");
          cache.set(file, text);
        }
        return text;
      },
      repoPath
    };
    if (aspect === "sourcemaps") return checkSourceMaps(build);
    if (aspect === "minified") return checkMinified(build);
    if (aspect === "console") return checkConsole(build);
    return checkEnv(build);
  }
});
export {
  buildOutputCheck
};
