import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  isGitRepo,
  resolveCommit,
  splitNul,
  tryGit
} from "./chunk-RKLOK6U7.js";
import {
  envFilesContract
} from "./chunk-EHWXHNJJ.js";
import {
  defineCheck
} from "./chunk-BFBJ7VPU.js";
import "./chunk-PZ57HXUH.js";

// checks/env-files.ts
import path from "node:path";
var ENV_FILE_RE = /^\.env(?:rc|\..+)?$/;
var TEMPLATE_SUFFIXES = /* @__PURE__ */ new Set(["example", "sample", "template"]);
var MUST_BE_IGNORED = ".env.production";
function isSecretEnvFile(file, allowed = /* @__PURE__ */ new Set()) {
  const name = path.posix.basename(file);
  if (!ENV_FILE_RE.test(name) || allowed.has(name)) return false;
  return !TEMPLATE_SUFFIXES.has(name.split(".").at(-1) ?? "");
}
async function envFilesInHistory(dir, allowed, signal) {
  const args = ["log", "--full-history", "--no-renames", "--diff-filter=A", "--name-only", "--format=%x00%h"];
  const result = await tryGit([...args, "--relative", "HEAD", "--", "."], dir, signal);
  const added = /* @__PURE__ */ new Map();
  let commit = "";
  let commits = 0;
  for (const line of result.stdout.split("\n")) {
    if (line.startsWith("\0")) {
      commit = line.slice(1);
      commits++;
    } else if (line && isSecretEnvFile(line, allowed)) {
      added.set(line, commit);
    }
  }
  return { added, commits };
}
function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}
var envFilesCheck = defineCheck({
  ...envFilesContract,
  async run(params, ctx) {
    const dir = ctx.repoDir;
    if (!await isGitRepo(dir, ctx.signal)) {
      return {
        status: "skipped",
        summary: "not a git repository: cannot tell which env files are committed"
      };
    }
    const allowed = new Set(
      params.allow.split(",").map((name) => name.trim()).filter(Boolean)
    );
    const tracked = splitNul((await tryGit(["ls-files", "-z", "--cached"], dir, ctx.signal)).stdout).filter(
      (f) => isSecretEnvFile(f, allowed)
    );
    const untracked = splitNul(
      (await tryGit(["ls-files", "-z", "--others", "--exclude-standard"], dir, ctx.signal)).stdout
    ).filter((f) => isSecretEnvFile(f, allowed));
    const history = await resolveCommit("HEAD", dir, ctx.signal) ? await envFilesInHistory(dir, allowed, ctx.signal) : { added: /* @__PURE__ */ new Map(), commits: 0 };
    const ignoreCheck = await tryGit(["check-ignore", "--no-index", "-q", MUST_BE_IGNORED], dir, ctx.signal);
    if (ignoreCheck.code > 1) throw new Error(`git check-ignore failed: ${ignoreCheck.stderr.trim()}`);
    const findings = [];
    for (const file of tracked) {
      const commit = history.added.get(file);
      findings.push({
        file,
        commit,
        message: `${file} is tracked by git${commit ? ` (added in ${commit})` : ""}: remove it with \`git rm --cached\` and rotate its values`
      });
    }
    for (const [file, commit] of history.added) {
      if (tracked.includes(file)) continue;
      findings.push({
        file,
        commit,
        message: `${file} was committed in ${commit}: rotate every value it held`
      });
    }
    for (const file of untracked) {
      findings.push({
        file,
        message: `${file} is not git-ignored: one \`git add .\` away from being committed`
      });
    }
    const ignored = ignoreCheck.code === 0;
    if (!ignored) {
      findings.push({
        file: ".gitignore",
        message: `${MUST_BE_IGNORED} is not ignored: add \`.env*\` and \`!.env.example\` to .gitignore`
      });
    }
    const metrics = {
      tracked: tracked.length,
      inHistory: history.added.size,
      untrackedNotIgnored: untracked.length,
      commits: history.commits
    };
    if (findings.length === 0) {
      return {
        status: "pass",
        summary: `0 env files committed in ${plural(history.commits, "commit")}; ${MUST_BE_IGNORED} is git-ignored`,
        metrics
      };
    }
    const named = findings.map((f) => f.file === ".gitignore" ? `${MUST_BE_IGNORED} not ignored` : f.file).join(", ");
    return {
      status: "fail",
      summary: `${plural(findings.length, "env file problem")}: ${named}`,
      findings,
      metrics
    };
  }
});
export {
  envFilesCheck,
  isSecretEnvFile
};
