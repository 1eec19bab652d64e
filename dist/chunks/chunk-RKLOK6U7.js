import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// checks/lib/git/git.ts
import { execFile, spawn } from "node:child_process";
import { createInterface } from "node:readline";
var BASE_ARGS = ["-c", "core.quotePath=false", "-c", "color.ui=false", "--no-pager"];
var MAX_BUFFER = 256 * 1024 * 1024;
function tryGit(args, cwd, signal) {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      [...BASE_ARGS, ...args],
      {
        cwd,
        signal,
        maxBuffer: MAX_BUFFER,
        encoding: "utf8",
        env: { ...process.env, GIT_TERMINAL_PROMPT: "0" }
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") {
          reject(error);
          return;
        }
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      }
    );
  });
}
async function git(args, cwd, signal) {
  const result = await tryGit(args, cwd, signal);
  if (result.code !== 0)
    throw new Error(`git ${args[0] ?? ""} failed: ${result.stderr.trim().split("\n")[0] ?? ""}`);
  return result.stdout;
}
async function isGitRepo(dir, signal) {
  const result = await tryGit(["rev-parse", "--is-inside-work-tree"], dir, signal).catch(() => void 0);
  return result?.code === 0 && result.stdout.trim() === "true";
}
async function resolveCommit(ref, dir, signal) {
  const result = await tryGit(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], dir, signal);
  return result.code === 0 ? result.stdout.trim() : void 0;
}
async function repoPrefix(dir, signal) {
  return (await git(["rev-parse", "--show-prefix"], dir, signal)).trim();
}
function splitNul(output) {
  return output.split("\0").filter((entry) => entry.length > 0);
}
function streamGitLines(args, cwd, onLine, signal) {
  return new Promise((resolve, reject) => {
    const child = spawn("git", [...BASE_ARGS, ...args], {
      cwd,
      signal,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, GIT_TERMINAL_PROMPT: "0" }
    });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk) => {
      if (stderr.length < 1e4) stderr += chunk;
    });
    const lines = createInterface({ input: child.stdout, crlfDelay: Number.POSITIVE_INFINITY });
    lines.on("line", onLine);
    const linesDone = new Promise((done) => lines.once("close", done));
    child.on("error", reject);
    child.on("close", (code) => {
      linesDone.then(() => {
        if (code === 0) resolve();
        else
          reject(new Error(`git ${args[0] ?? ""} failed: ${stderr.trim().split("\n")[0] ?? `exit ${code}`}`));
      });
    });
  });
}

export {
  tryGit,
  isGitRepo,
  resolveCommit,
  repoPrefix,
  splitNul,
  streamGitLines
};
