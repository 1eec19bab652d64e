import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  releaseInfo
} from "./chunk-TH7IA3YW.js";
import {
  changelogContract
} from "./chunk-ZW2XUJ7A.js";
import "./chunk-ZM52ZZT5.js";
import "./chunk-CQMSXS5G.js";
import {
  defineCheck
} from "./chunk-BFBJ7VPU.js";
import "./chunk-AFGJAQNY.js";
import "./chunk-RT25MZKP.js";
import "./chunk-CO3T5JD3.js";

// checks/changelog.ts
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
function headingsOf(markdown) {
  const headings = [];
  let fence;
  markdown.split(/\r?\n/).forEach((line, index) => {
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1] ?? "";
      if (!fence) fence = marker;
      else if (marker.startsWith(fence)) fence = void 0;
      return;
    }
    const m = fence ? null : /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (m) headings.push({ line: index + 1, level: m[1]?.length ?? 1, text: m[2] ?? "" });
  });
  return headings;
}
var escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
var ANY_VERSION_RE = /(?<![\w.-])v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)(?![\w+-]|\.\w)/;
function headingNamesVersion(text, version) {
  return new RegExp(`(?<![\\w.-])v?${escapeRegExp(version)}(?![\\w+-]|\\.\\w)`).test(text);
}
function sectionHasContent(lines, heading, headings) {
  const end = headings.find((h) => h.line > heading.line && h.level <= heading.level)?.line ?? lines.length + 1;
  const body = lines.slice(heading.line, end - 1);
  return body.some((line) => line.trim() !== "" && !/^\s{0,3}#{1,6}\s/.test(line));
}
async function findFile(dir, wanted) {
  const folder = path.join(dir, path.dirname(wanted));
  const base = path.basename(wanted).toLowerCase();
  const names = await readdir(folder).catch(() => []);
  const name = names.find((n) => n === path.basename(wanted)) ?? names.find((n) => n.toLowerCase() === base);
  return name ? path.join(path.dirname(wanted), name) : void 0;
}
var changelogCheck = defineCheck({
  ...changelogContract,
  async run(params, ctx) {
    const file = await findFile(ctx.repoDir, params.file);
    if (!file) {
      return {
        status: "fail",
        summary: `no ${params.file}`,
        findings: [{ file: params.file, message: `no ${params.file} in the checked directory` }]
      };
    }
    const release = await releaseInfo(ctx);
    if (!release.version) {
      return {
        status: "skipped",
        summary: "no release version: package.json has no version and the branch/PR title name none"
      };
    }
    const version = release.version;
    const text = await readFile(path.join(ctx.repoDir, file), "utf8");
    const headings = headingsOf(text);
    const entry = headings.find((h) => headingNamesVersion(h.text, version));
    const newest = headings.map((h) => ANY_VERSION_RE.exec(h.text)?.[1]).find(Boolean);
    if (!entry) {
      const message = `${file} has no entry for ${version}${newest ? ` (newest entry: ${newest})` : " (no versioned entries)"}`;
      return {
        status: "fail",
        summary: message,
        details: `Release version ${version} comes from the ${release.source}. Add a heading such as "## [${version}] - date".`,
        findings: [{ file, line: 1, message }]
      };
    }
    if (!sectionHasContent(text.split(/\r?\n/), entry, headings)) {
      const message = `${file} has an empty entry for ${version}`;
      return { status: "fail", summary: message, findings: [{ file, line: entry.line, message }] };
    }
    return {
      status: "pass",
      summary: `${file} has an entry for ${version} (line ${entry.line})`,
      metrics: { line: entry.line }
    };
  }
});
export {
  changelogCheck,
  headingNamesVersion,
  headingsOf
};
