import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  COVERAGE_METRICS,
  coverageContract
} from "./chunk-Z2ON3UAO.js";
import {
  defineCheck
} from "./chunk-BFBJ7VPU.js";
import "./chunk-AFGJAQNY.js";
import {
  external_exports
} from "./chunk-RT25MZKP.js";
import "./chunk-CO3T5JD3.js";

// checks/coverage.ts
import { readFile } from "node:fs/promises";
import path from "node:path";

// checks/lib/coverage/coverage-report.ts
var CountsSchema = external_exports.object({ total: external_exports.number().min(0), covered: external_exports.number().min(0) });
var IstanbulSummarySchema = external_exports.object({
  total: external_exports.object({
    lines: CountsSchema,
    statements: CountsSchema.optional(),
    functions: CountsSchema.optional(),
    branches: CountsSchema.optional()
  })
});
function parseIstanbulSummary(text) {
  const { total } = IstanbulSummarySchema.parse(JSON.parse(text));
  const totals = {};
  for (const metric of COVERAGE_METRICS) {
    const counts = total[metric];
    if (counts) totals[metric] = { covered: counts.covered, total: counts.total };
  }
  return totals;
}
var LCOV_KEYS = {
  LH: ["lines", "covered"],
  LF: ["lines", "total"],
  BRH: ["branches", "covered"],
  BRF: ["branches", "total"],
  FNH: ["functions", "covered"],
  FNF: ["functions", "total"]
};
function parseLcov(text) {
  const totals = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^(LH|LF|BRH|BRF|FNH|FNF):(\d+)\s*$/.exec(line);
    const key = m ? LCOV_KEYS[m[1] ?? ""] : void 0;
    if (!m || !key) continue;
    const [metric, field] = key;
    const counts = totals[metric] ?? { covered: 0, total: 0 };
    counts[field] += Number(m[2]);
    totals[metric] = counts;
  }
  return totals;
}
function attribute(tag, name) {
  return new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1];
}
function parseCobertura(text) {
  const root = /<coverage\b[^>]*>/.exec(text)?.[0];
  if (!root) throw new Error("no <coverage> element");
  const totals = {};
  for (const [metric, kind] of [
    ["lines", "lines"],
    ["branches", "branches"]
  ]) {
    const total = Number(attribute(root, `${kind}-valid`));
    const covered = Number(attribute(root, `${kind}-covered`));
    if (Number.isFinite(total) && Number.isFinite(covered) && attribute(root, `${kind}-valid`) !== void 0)
      totals[metric] = { covered, total };
  }
  if (!totals.lines) throw new Error("the <coverage> element has no lines-valid/lines-covered");
  return totals;
}
var JACOCO_COUNTERS = {
  LINE: "lines",
  BRANCH: "branches",
  METHOD: "functions",
  INSTRUCTION: "statements"
};
function parseJacoco(text) {
  const end = text.lastIndexOf("</report>");
  if (end === -1 || !/<report\b/.test(text)) throw new Error("no <report> element");
  const start = Math.max(text.lastIndexOf("</package>"), text.lastIndexOf("<sessioninfo"), 0);
  const totals = {};
  for (const counter of text.slice(start, end).matchAll(/<counter\b[^>]*\/?>/g)) {
    const metric = JACOCO_COUNTERS[attribute(counter[0], "type") ?? ""];
    const missed = Number(attribute(counter[0], "missed"));
    const covered = Number(attribute(counter[0], "covered"));
    if (metric && Number.isFinite(missed) && Number.isFinite(covered))
      totals[metric] = { covered, total: covered + missed };
  }
  if (!totals.lines) throw new Error("no report-level LINE counter");
  return totals;
}
function parseGoCoverProfile(text) {
  const lines = text.split(/\r?\n/);
  if (!/^mode: (?:set|count|atomic)\s*$/.test(lines[0] ?? "")) throw new Error('no "mode:" line');
  const blocks = /* @__PURE__ */ new Map();
  for (const line of lines.slice(1)) {
    const match = /^(.+:\d+\.\d+,\d+\.\d+) (\d+) (\d+)\s*$/.exec(line);
    if (!match?.[1]) continue;
    const previous = blocks.get(match[1]);
    const covered2 = Number(match[3]) > 0 || previous?.covered === true;
    blocks.set(match[1], { statements: Number(match[2]), covered: covered2 });
  }
  let total = 0;
  let covered = 0;
  for (const block of blocks.values()) {
    total += block.statements;
    if (block.covered) covered += block.statements;
  }
  return { statements: { covered, total } };
}
function coverageFormat(file, text) {
  if (file.toLowerCase().endsWith(".json")) return "istanbul";
  const head = text.slice(0, 4096);
  if (/^mode: (?:set|count|atomic)\b/.test(head)) return "go";
  if (/<!DOCTYPE report|<report\b/.test(head) && !/<coverage\b/.test(head)) return "jacoco";
  if (/<coverage\b/.test(head)) return "cobertura";
  return "lcov";
}
function parseCoverage(file, text) {
  const format = coverageFormat(file, text);
  const parse = {
    istanbul: parseIstanbulSummary,
    lcov: parseLcov,
    cobertura: parseCobertura,
    jacoco: parseJacoco,
    go: parseGoCoverProfile
  };
  return { format, totals: parse[format](text) };
}

// checks/coverage.ts
var DEFAULT_COVERAGE_FILES = [
  "coverage/coverage-summary.json",
  "coverage/lcov.info",
  "coverage/cobertura-coverage.xml",
  "coverage.xml",
  "coverage/coverage.xml",
  "target/site/jacoco/jacoco.xml",
  "build/reports/jacoco/test/jacocoTestReport.xml",
  "coverage.out"
];
var DEFAULT_FILES = DEFAULT_COVERAGE_FILES;
async function loadTotals(dir, files) {
  for (const file of files) {
    let text;
    try {
      text = await readFile(path.join(dir, file), "utf8");
    } catch {
      continue;
    }
    try {
      return { file, totals: parseCoverage(file, text).totals };
    } catch (error) {
      const why = error instanceof SyntaxError ? error.message : error instanceof Error && !("issues" in error) ? `not a coverage report (${error.message})` : "not an istanbul json-summary report";
      throw new Error(`cannot read ${file}: ${why}`);
    }
  }
  return void 0;
}
var coverageCheck = defineCheck({
  ...coverageContract,
  async run(params, ctx) {
    const tried = params.file ? [params.file] : DEFAULT_FILES;
    const report = await loadTotals(ctx.repoDir, tried);
    if (!report) {
      return {
        status: "skipped",
        summary: `no coverage report (tried ${tried.join(", ")}): run the tests with coverage first`
      };
    }
    const metric = params.metric === "lines" && !report.totals.lines && report.totals.statements ? "statements" : params.metric;
    const counts = report.totals[metric];
    if (!counts) {
      return { status: "skipped", summary: `${report.file} has no ${params.metric} counts` };
    }
    if (counts.total === 0) {
      return {
        status: "skipped",
        summary: `${report.file} counts 0 ${metric}: nothing was instrumented`
      };
    }
    const pct = counts.covered / counts.total * 100;
    const ok = pct >= params.min;
    return {
      status: ok ? "pass" : "fail",
      summary: `${pct.toFixed(1)}% ${metric} ${ok ? "\u2265" : "<"} ${params.min}%${metric === params.metric ? "" : ` (${report.file} counts statements, not lines)`}`,
      details: `${counts.covered} of ${counts.total} ${metric} covered, from ${report.file}`,
      findings: ok ? [] : [
        {
          file: report.file,
          message: `${metric} coverage ${pct.toFixed(1)}% is below ${params.min}%`
        }
      ],
      metrics: { pct: Number(pct.toFixed(2)), covered: counts.covered, total: counts.total, min: params.min }
    };
  }
});
export {
  DEFAULT_COVERAGE_FILES,
  coverageCheck
};
