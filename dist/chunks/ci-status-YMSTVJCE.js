import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  ciStatusContract
} from "./chunk-V3EPISDD.js";
import {
  gitHubForToken,
  statusOf
} from "./chunk-OAKTBEPE.js";
import {
  defineCheck
} from "./chunk-BFBJ7VPU.js";
import "./chunk-AFGJAQNY.js";
import "./chunk-RT25MZKP.js";
import "./chunk-CO3T5JD3.js";

// checks/lib/github/check-runs.ts
async function listCheckRuns(github, sha) {
  try {
    const runs = await gitHubForToken(github).latestCheckRuns(sha);
    return { kind: "ok", runs };
  } catch (error) {
    const status = statusOf(error);
    if (status === 401 || status === 403) return { kind: "forbidden", status };
    throw new Error(
      `GitHub answered ${status === void 0 ? "with an error" : `HTTP ${status}`} listing check runs of ${sha}: ${error instanceof Error ? error.message : String(error)}`
    );
  }
}

// checks/ci-status.ts
var OWN_CHECK_RUNS = ["shipgate", "shipgate/checks"];
var OK_CONCLUSIONS = /* @__PURE__ */ new Set(["success", "neutral", "skipped"]);
function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}
function describeRun(run) {
  return run.status === "completed" ? `${run.name} (${run.conclusion ?? "no conclusion"})` : `${run.name} (${run.status})`;
}
var ciStatusCheck = defineCheck({
  ...ciStatusContract,
  async run(params, ctx) {
    const github = ctx.github;
    if (!github)
      return { status: "skipped", summary: "no GitHub context: CI status is checked in the Action" };
    const sha = github.headSha;
    if (!sha) return { status: "skipped", summary: "no head commit SHA: cannot look up its check runs" };
    const short = sha.slice(0, 7);
    const ignored = /* @__PURE__ */ new Set([
      ...OWN_CHECK_RUNS,
      ...params.ignore.split(",").map((name) => name.trim()).filter(Boolean)
    ]);
    const listed = await listCheckRuns(github, sha);
    if (listed.kind === "forbidden") {
      return {
        status: "skipped",
        summary: `GitHub token may not read check runs (HTTP ${listed.status}): grant checks: read`
      };
    }
    const runs = listed.runs.filter((run) => !ignored.has(run.name));
    if (runs.length === 0)
      return { status: "skipped", summary: `no other check runs on ${short}: nothing to verify` };
    const running = runs.filter((run) => run.status !== "completed");
    const failed = runs.filter(
      (run) => run.status === "completed" && !OK_CONCLUSIONS.has(run.conclusion ?? "")
    );
    const metrics = { checkRuns: runs.length, failed: failed.length, running: running.length };
    if (failed.length === 0 && running.length === 0) {
      return {
        status: "pass",
        summary: `${plural(runs.length, "check run")} succeeded on ${short}`,
        metrics
      };
    }
    const findings = [...failed, ...running].map((run) => ({
      commit: short,
      message: `${describeRun(run)}${run.htmlUrl ? ` ${run.htmlUrl}` : ""}`
    }));
    const parts = [
      failed.length > 0 ? `${failed.length} of ${plural(runs.length, "check run")} failed: ${failed.map(describeRun).join(", ")}` : "",
      running.length > 0 ? `${plural(running.length, "check run")} still running: ${running.map((r) => r.name).join(", ")}` : ""
    ].filter(Boolean);
    return { status: "fail", summary: parts.join("; "), findings, metrics };
  }
});
export {
  ciStatusCheck
};
