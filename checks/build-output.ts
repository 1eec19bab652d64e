import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import type { Finding } from '../src/core/template/model.js';
import type { CheckOutcome } from './check.js';
import { defineCheck } from './check.js';
import { buildOutputContract } from './contracts/build-output.js';
import {
  CSS_FILE,
  findBuildDir,
  JS_FILE,
  listBuildFiles,
  missingBuildDirReason,
} from './lib/build/build-dir.js';
import {
  findAll,
  MINIFIED_MAX_WHITESPACE,
  MINIFIED_MIN_AVG_LINE,
  MINIFIED_MIN_BYTES,
  sourceMapRef,
  textShape,
} from './lib/build/build-scan.js';

/** Findings beyond this are counted in the summary but not listed (a minified vendor file can hold hundreds). */
const MAX_FINDINGS = 100;

interface BuildFiles {
  buildDir: string;
  /** Build dir as the user sees it, e.g. `dist/`. */
  label: string;
  files: string[];
  js: string[];
  read(file: string): string;
  repoPath(file: string): string;
}

function outcome(
  status: 'pass' | 'fail',
  summary: string,
  findings: Finding[],
  details?: string,
): CheckOutcome {
  const listed = findings.slice(0, MAX_FINDINGS);
  const more = findings.length - listed.length;
  const note = more > 0 ? `${more} more finding(s) not listed` : undefined;
  return {
    status,
    summary,
    findings: listed,
    details: [details, note].filter(Boolean).join('\n') || undefined,
  };
}

/** JS must ship with separate maps; CSS maps are optional (Vite & co. emit none) but must not be inline or dangling. */
function checkSourceMaps(build: BuildFiles): CheckOutcome {
  const findings: Finding[] = [];
  let inlined = 0;
  let separate = 0;
  const assets = build.files.filter((file) => JS_FILE.test(file) || CSS_FILE.test(file));
  for (const file of assets) {
    const isJs = JS_FILE.test(file);
    const ref = sourceMapRef(build.read(file));
    if (ref.kind === 'inline') {
      inlined++;
      findings.push({
        file: build.repoPath(file),
        message: 'source map is inlined as a data: URL (ships the sources)',
      });
    } else if (ref.kind === 'url') {
      const target = ref.url.split(/[?#]/)[0] ?? '';
      const remote = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(target);
      const local = target.startsWith('/')
        ? join(build.buildDir, target)
        : join(build.buildDir, dirname(file), target);
      if (remote || existsSync(local)) {
        if (isJs) separate++;
      } else {
        findings.push({
          file: build.repoPath(file),
          message: `references ${ref.url}, which is not in the build`,
        });
      }
    } else if (isJs) {
      const sibling = build.files.includes(`${file}.map`);
      const why = sibling ? `${posix.basename(file)}.map exists but is not referenced` : 'no source map';
      findings.push({ file: build.repoPath(file), message: `${why} (expected //# sourceMappingURL=…map)` });
    }
  }
  if (build.js.length === 0 && findings.length === 0) {
    return { status: 'skipped', summary: `no JS files in ${build.label}` };
  }
  const ratio = `${separate}/${build.js.length} JS files reference separate .map files`;
  const summary = `Source maps: ${ratio}, ${inlined} inlined`;
  return outcome(findings.length === 0 ? 'pass' : 'fail', summary, findings);
}

function checkMinified(build: BuildFiles): CheckOutcome {
  const rule = `avg line > ${MINIFIED_MIN_AVG_LINE} chars and whitespace < ${MINIFIED_MAX_WHITESPACE * 100}%`;
  const findings: Finding[] = [];
  const judged = build.files.filter((file) => JS_FILE.test(file) || CSS_FILE.test(file));
  let count = 0;
  for (const file of judged) {
    const text = build.read(file);
    if (Buffer.byteLength(text) <= MINIFIED_MIN_BYTES) continue;
    const shape = textShape(text);
    if (shape.codeLength <= MINIFIED_MIN_BYTES) continue; // mostly string data: nothing to judge
    count++;
    if (shape.minified) continue;
    const measured = `avg line ${Math.round(shape.averageLineLength)} chars, whitespace ${Math.round(shape.whitespaceRatio * 100)}%`;
    findings.push({ file: build.repoPath(file), message: `not minified: ${measured}` });
  }
  if (count === 0) return { status: 'pass', summary: `no JS/CSS file over 1 kB in ${build.label} to judge` };
  const summary =
    findings.length === 0
      ? `${count}/${count} JS/CSS files > 1 kB minified (${rule})`
      : `${findings.length} of ${count} JS/CSS files > 1 kB not minified (${rule})`;
  return outcome(findings.length === 0 ? 'pass' : 'fail', summary, findings);
}

function checkConsole(build: BuildFiles): CheckOutcome {
  if (build.js.length === 0) return { status: 'skipped', summary: `no JS files in ${build.label}` };
  const findings: Finding[] = [];
  for (const file of build.js) {
    for (const hit of findAll(build.read(file), /\bconsole\s*\.\s*(?:log|debug)\s*\(/g, MAX_FINDINGS)) {
      const call = hit.match.replace(/\s/g, '');
      findings.push({
        file: build.repoPath(file),
        line: hit.line,
        message: `${call} left in (column ${hit.column})`,
      });
    }
  }
  const summary =
    findings.length === 0
      ? `no console.log/console.debug calls in ${build.js.length} JS files`
      : `${findings.length} console.log/console.debug call(s) left in ${new Set(findings.map((f) => f.file)).size} JS file(s)`;
  return outcome(findings.length === 0 ? 'pass' : 'fail', summary, findings);
}

/** Browser bundles must have every process.env.X replaced at build time, and no .env file may be published. */
function checkEnv(build: BuildFiles): CheckOutcome {
  const findings: Finding[] = [];
  for (const file of build.files.filter((name) => /^\.env(?:\..*)?$/.test(posix.basename(name)))) {
    findings.push({
      file: build.repoPath(file),
      message: '.env file copied into the build (would be served publicly)',
    });
  }
  const envFiles = findings.length;
  for (const file of build.js) {
    for (const hit of findAll(build.read(file), /\bprocess\s*\.\s*env\b/g, MAX_FINDINGS)) {
      findings.push({
        file: build.repoPath(file),
        line: hit.line,
        message: `process.env reference not replaced at build time (column ${hit.column})`,
      });
    }
  }
  const references = findings.length - envFiles;
  if (findings.length === 0) {
    const summary = `Environment variables verified: no process.env in ${build.js.length} JS files, no .env file in ${build.label}`;
    return outcome('pass', summary, findings);
  }
  const summary = `${references} unreplaced process.env reference(s) in JS, ${envFiles} .env file(s) in ${build.label}`;
  return outcome('fail', summary, findings);
}

/** Hygiene of the production build: separate source maps, minified assets, no console.log, no env leaks. */
export const buildOutputCheck = defineCheck({
  ...buildOutputContract,
  async run({ aspect }, ctx) {
    const buildDir = findBuildDir(ctx);
    if (!buildDir) return { status: 'skipped', summary: missingBuildDirReason(ctx) };
    const files = listBuildFiles(buildDir);
    const repoPath = (file: string) => relative(ctx.repoDir, join(buildDir, file)).split('\\').join('/');
    const cache = new Map<string, string>();
    const build: BuildFiles = {
      buildDir,
      label: `${repoPath('.') || '.'}/`,
      files,
      js: files.filter((file) => JS_FILE.test(file)),
      read(file) {
        let text = cache.get(file);
        if (text === undefined) {
          text = readFileSync(join(buildDir, file), 'utf8');
          cache.set(file, text);
        }
        return text;
      },
      repoPath,
    };
    if (aspect === 'sourcemaps') return checkSourceMaps(build);
    if (aspect === 'minified') return checkMinified(build);
    if (aspect === 'console') return checkConsole(build);
    return checkEnv(build);
  },
});
