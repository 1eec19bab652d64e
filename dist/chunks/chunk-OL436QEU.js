import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// checks/lib/build/build-dir.ts
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
var BUILD_DIR_CANDIDATES = ["dist", "build", "out"];
var NO_BUILD_DIR_REASON = "no build directory (looked for dist/, build/, out/ and the client output of SvelteKit, Next.js, Nuxt, Vercel, Astro, Remix)";
var MAX_FILES = 2e4;
var JS_FILE = /\.(?:m|c)?js$/i;
var CSS_FILE = /\.css$/i;
function listBuildFiles(dir) {
  const root = resolve(dir);
  const files = [];
  const pending = [root];
  while (pending.length > 0 && files.length < MAX_FILES) {
    const current = pending.pop();
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules") pending.push(full);
      } else if (entry.isFile()) {
        files.push(relative(root, full).split(sep).join("/"));
        if (files.length >= MAX_FILES) break;
      }
    }
  }
  return files.sort();
}
var CLIENT_OUTPUT_DIRS = [
  { dir: ".svelte-kit/output/client", framework: "SvelteKit" },
  { dir: ".next/static", framework: "Next.js" },
  { dir: ".output/public", framework: "Nuxt/Nitro" },
  { dir: ".vercel/output/static", framework: "Vercel Build Output" },
  { dir: "dist/client", framework: "Astro/Vite SSR" },
  { dir: "build/client", framework: "Remix/React Router" },
  { dir: "public/build", framework: "Remix (classic)" }
];
function htmlEntries(dir) {
  return listBuildFiles(dir).filter((file) => /\.html?$/i.test(file) && file.split("/").length <= 3).slice(0, 50);
}
function isDir(dir) {
  return existsSync(dir) && statSync(dir).isDirectory();
}
function findBrowserBuild(ctx) {
  const root = resolve(ctx.repoDir);
  const label = (dir) => `${relative(root, dir).split(sep).join("/") || "."}/`;
  const judge = (dir, configured) => {
    const client = CLIENT_OUTPUT_DIRS.find(
      (entry) => join(root, entry.dir) === dir || join(root, entry.dir).startsWith(`${dir}${sep}`)
    );
    if (client && isDir(join(root, client.dir))) {
      return { ok: true, dir: join(root, client.dir), how: `${client.framework} client output` };
    }
    if (htmlEntries(dir).length > 0) return { ok: true, dir, how: "HTML entry points" };
    if (!configured) return void 0;
    const js = listBuildFiles(dir).some((file) => JS_FILE.test(file));
    return {
      ok: false,
      reason: `${label(dir)} has ${js ? "JS but " : ""}no HTML entry point and is no framework client output: not browser assets${js ? " (a server build?)" : ""}`
    };
  };
  if (ctx.buildDir) {
    const dir = resolve(root, ctx.buildDir);
    if (!isDir(dir)) return { ok: false, reason: `build directory ${ctx.buildDir} not found` };
    return judge(dir, true);
  }
  for (const entry of CLIENT_OUTPUT_DIRS) {
    const dir = join(root, entry.dir);
    if (isDir(dir) && listBuildFiles(dir).length > 0)
      return { ok: true, dir, how: `${entry.framework} client output` };
  }
  const serverLike = [];
  for (const name of BUILD_DIR_CANDIDATES) {
    const dir = join(root, name);
    if (!isDir(dir)) continue;
    const found = judge(dir, false);
    if (found) return found;
    if (listBuildFiles(dir).some((file) => JS_FILE.test(file))) serverLike.push(`${name}/`);
  }
  if (serverLike.length > 0) {
    return {
      ok: false,
      reason: `no browser build: ${serverLike.join(", ")} has JS but no HTML entry point (server output, not browser assets); set build.dir to the client output if this is wrong`
    };
  }
  return { ok: false, reason: NO_BUILD_DIR_REASON };
}
function findBuildDir(ctx) {
  const found = findBrowserBuild(ctx);
  return found.ok ? found.dir : void 0;
}
function missingBuildDirReason(ctx) {
  const found = findBrowserBuild(ctx);
  return found.ok ? "" : found.reason;
}

export {
  JS_FILE,
  CSS_FILE,
  listBuildFiles,
  CLIENT_OUTPUT_DIRS,
  findBrowserBuild,
  findBuildDir,
  missingBuildDirReason
};
