import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  bundleSizeContract,
  formatBytes,
  parseByteSize
} from "./chunk-UBXZVA46.js";
import {
  CSS_FILE,
  JS_FILE,
  findBuildDir,
  listBuildFiles,
  missingBuildDirReason
} from "./chunk-OL436QEU.js";
import {
  require_picomatch
} from "./chunk-MRPETQ5A.js";
import {
  walkRepo
} from "./chunk-AA4V3XL4.js";
import {
  defineCheck
} from "./chunk-BFBJ7VPU.js";
import "./chunk-AFGJAQNY.js";
import {
  external_exports
} from "./chunk-RT25MZKP.js";
import {
  __toESM
} from "./chunk-CO3T5JD3.js";

// checks/bundle-size.ts
import { join as join4, relative as relative2 } from "node:path";

// checks/lib/bundle/bundle-measure.ts
import { existsSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";

// node_modules/@size-limit/file/index.js
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { constants, createBrotliCompress, createGzip } from "node:zlib";
async function sum(array, fn) {
  return (await Promise.all(array.map(fn))).reduce((all, i) => all + i, 0);
}
function brotliSize(path) {
  return new Promise((resolve2, reject) => {
    let size = 0;
    let pipe = createReadStream(path).pipe(
      createBrotliCompress({
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11
        }
      })
    );
    pipe.on("error", reject);
    pipe.on("data", (buf) => {
      size += buf.length;
    });
    pipe.on("end", () => {
      resolve2(size);
    });
  });
}
function gzipSize(path) {
  return new Promise((resolve2, reject) => {
    let size = 0;
    let pipe = createReadStream(path).pipe(createGzip({ level: 9 }));
    pipe.on("error", reject);
    pipe.on("data", (buf) => {
      size += buf.length;
    });
    pipe.on("end", () => {
      resolve2(size);
    });
  });
}
var file_default = [
  {
    name: "@size-limit/file",
    async step60(_config, check) {
      let files = check.bundles || check.files;
      if (check.gzip === true) {
        check.size = await sum(files, async (i) => gzipSize(i));
      } else if (check.brotli === false) {
        check.size = await sum(files, async (i) => (await stat(i)).size);
      } else {
        check.size = await sum(files, async (i) => brotliSize(i));
      }
    }
  }
];

// node_modules/size-limit/calc.js
function isPluginDisabled(plugin, check) {
  if (!check.disablePlugins) return false;
  return check.disablePlugins.includes(plugin.name);
}
async function calc(plugins, config, createSpinner) {
  process.setMaxListeners(config.checks.reduce((a, i) => a + i.files.length, 1));
  async function step(number) {
    for (let plugin of plugins.list) {
      let checks = config.checks.filter((i) => !isPluginDisabled(plugin, i));
      let spinner;
      if (checks.length > 0 && plugin["wait" + number] && createSpinner) {
        spinner = createSpinner(plugin["wait" + number]).start();
      }
      if (plugin["step" + number]) {
        try {
          await Promise.all(
            checks.map((i) => {
              return plugin["step" + number](config, i);
            })
          );
        } catch (e) {
          if (spinner) spinner.error();
          throw e;
        }
      }
      if (spinner) spinner.success();
    }
  }
  async function callMethodForEachPlugin(methodName) {
    for (let plugin of plugins.list) {
      if (plugin[methodName]) {
        let checks = config.checks.filter((i) => !isPluginDisabled(plugin, i));
        await Promise.all(
          checks.map((i) => {
            return plugin[methodName](config, i);
          })
        );
      }
    }
  }
  try {
    await callMethodForEachPlugin("before");
    for (let i = 0; i <= 100; i++) await step(i);
  } finally {
    await callMethodForEachPlugin("finally");
  }
  for (let check of config.checks) {
    if (typeof check.sizeLimit !== "undefined") {
      check.passed = check.sizeLimit >= check.size;
    }
    if (typeof check.timeLimit !== "undefined") {
      check.passed = check.timeLimit >= check.totalTime;
    }
    if (check.files && !check.files.length && check.path) {
      check.missed = true;
      check.sizeLimit = void 0;
      check.timeLimit = void 0;
    }
  }
  config.failed = config.checks.some((i) => i.passed === false);
  config.missed = config.checks.some((i) => i.missed === true);
}

// node_modules/size-limit/load-plugins.js
var Plugins = class {
  constructor(list) {
    this.list = list;
    this.isEmpty = list.length === 0;
  }
  has(type) {
    return this.list.some(
      (i) => i.name === `@size-limit/${type}` || i.name === `size-limit-${type}`
    );
  }
};

// node_modules/size-limit/index.js
async function size_limit_default(plugins, files) {
  let pluginList = new Plugins(plugins.reduce((all, i) => all.concat(i), []));
  if (Array.isArray(files)) {
    files = {
      checks: [{ files }]
    };
  }
  await calc(pluginList, files, false);
  return files.checks.map((i) => {
    let value = {};
    for (let prop of ["size", "time", "runTime", "loadTime"]) {
      if (typeof i[prop] !== "undefined") value[prop] = i[prop];
    }
    return value;
  });
}

// checks/lib/bundle/bundle-measure.ts
var SLICE = 200;
var sizeLimitResult = external_exports.array(external_exports.object({ size: external_exports.number() }));
function compressionOptions(compression) {
  if (compression === "gzip") return { gzip: true, brotli: false };
  if (compression === "none") return { gzip: false, brotli: false };
  return {};
}
async function measure(buildDir, files, compression) {
  const plugins = file_default;
  const sizes = [];
  for (let start = 0; start < files.length; start += SLICE) {
    const slice = files.slice(start, start + SLICE);
    const checks = slice.map((file) => ({
      files: [join(buildDir, file)],
      ...compressionOptions(compression)
    }));
    const result = sizeLimitResult.parse(await size_limit_default(plugins, { checks }));
    slice.forEach((file, index) => {
      sizes.push({ file, bytes: result[index]?.size ?? 0 });
    });
  }
  return sizes;
}
async function measureBuild(buildDir, compression) {
  const files = listBuildFiles(buildDir);
  const [js, css] = await Promise.all([
    measure(
      buildDir,
      files.filter((file) => JS_FILE.test(file)),
      compression
    ),
    measure(
      buildDir,
      files.filter((file) => CSS_FILE.test(file)),
      compression
    )
  ]);
  return { js, css };
}
function scriptSources(buildDir) {
  const indexPath = join(buildDir, "index.html");
  if (!existsSync(indexPath)) return void 0;
  const html = readFileSync(indexPath, "utf8");
  const sources = [];
  for (const match of html.matchAll(/<script\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const src = (match[1] ?? match[2] ?? match[3] ?? "").split(/[?#]/)[0] ?? "";
    if (src === "" || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) continue;
    sources.push(posix.normalize(src.replace(/^\/+/, "")).replace(/^(\.\/)+/, ""));
  }
  return sources;
}
function entryScripts(buildDir, jsFiles) {
  const found = /* @__PURE__ */ new Set();
  for (const src of scriptSources(buildDir) ?? []) {
    const file = jsFiles.find((candidate) => candidate === src) ?? jsFiles.find((candidate) => src.endsWith(`/${candidate}`));
    if (file) found.add(file);
  }
  return [...found];
}
function mainScripts(sizes, entries, isVendor) {
  const own = sizes.js.filter((asset) => !isVendor(asset.file));
  const found = own.filter((asset) => entries.has(asset.file));
  if (found.length > 0) return found;
  const largest = [...own].sort((a, b) => b.bytes - a.bytes)[0];
  return largest ? [largest] : [];
}
function totalBytes(assets) {
  return assets.reduce((sum2, asset) => sum2 + asset.bytes, 0);
}
async function measureTotal(dir, files, compression) {
  return totalBytes(await measure(dir, files, compression));
}

// checks/lib/bundle/bundle-vendor.ts
var import_picomatch = __toESM(require_picomatch(), 1);
import { existsSync as existsSync2, readdirSync, readFileSync as readFileSync2, statSync } from "node:fs";
import { dirname, join as join2, posix as posix2, relative, resolve, sep } from "node:path";
var NODE_MODULES = /(?:^|[/\\])node_modules[/\\]|^\0|^\(webpack\)|webpack\/runtime|^external /;
var MAX_MAP_BYTES = 64 * 1024 * 1024;
function readJson(file) {
  try {
    if (!existsSync2(file) || statSync(file).size > MAX_MAP_BYTES) return void 0;
    return JSON.parse(readFileSync2(file, "utf8"));
  } catch {
    return void 0;
  }
}
var isRecord = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
function vendorShare(parts) {
  const total = parts.reduce((sum2, [, bytes]) => sum2 + bytes, 0);
  if (total <= 0) return void 0;
  return parts.filter(([path]) => NODE_MODULES.test(path)).reduce((sum2, [, bytes]) => sum2 + bytes, 0) / total;
}
var byShare = (share, source) => ({
  kind: share > 0.5 ? "vendor" : "app",
  how: `${source}: ${Math.round(share * 100)}% node_modules`
});
function sourceMapOf(buildDir, file) {
  const full = join2(buildDir, file);
  let mapFile = `${full}.map`;
  if (!existsSync2(mapFile)) {
    let tail = "";
    try {
      const text = readFileSync2(full, "utf8");
      tail = text.slice(-1024);
    } catch {
      return void 0;
    }
    const url = /\/\/[#@]\s*sourceMappingURL=([^\s'"]+)\s*$/.exec(tail)?.[1];
    if (!url || url.startsWith("data:") || /^[a-z]+:/i.test(url)) return void 0;
    mapFile = resolve(dirname(full), url);
  }
  const map = readJson(mapFile);
  if (!isRecord(map) || !Array.isArray(map.sources)) return void 0;
  const sources = map.sources.filter((s) => typeof s === "string");
  const contents = Array.isArray(map.sourcesContent) ? map.sourcesContent : [];
  const parts = sources.map((source, index) => {
    const content = contents[index];
    return [source, typeof content === "string" ? content.length : 1];
  });
  const share = vendorShare(parts);
  return share === void 0 ? void 0 : byShare(share, "source map");
}
function candidateFiles(buildDir, repoDir, names) {
  const dirs = [...new Set([buildDir, dirname(buildDir), repoDir].map((d) => resolve(d)))];
  return dirs.flatMap((dir) => {
    try {
      return readdirSync(dir).filter((name) => names.test(name)).map((name) => join2(dir, name));
    } catch {
      return [];
    }
  });
}
function toBuildFile(buildDir, baseDir, output) {
  const rel = relative(buildDir, resolve(baseDir, output)).split(sep).join("/");
  return rel.startsWith("..") ? void 0 : rel;
}
function fromMetafiles(buildDir, repoDir) {
  const found = /* @__PURE__ */ new Map();
  for (const file of candidateFiles(buildDir, repoDir, /^(?:meta|metafile)(?:[.-][\w-]+)?\.json$/i)) {
    const meta = readJson(file);
    if (!isRecord(meta) || !isRecord(meta.outputs)) continue;
    for (const [output, info] of Object.entries(meta.outputs)) {
      if (!isRecord(info) || !isRecord(info.inputs)) continue;
      const parts = Object.entries(info.inputs).map(([input, detail]) => [
        input,
        isRecord(detail) && typeof detail.bytesInOutput === "number" ? detail.bytesInOutput : 0
      ]);
      const share = vendorShare(parts);
      const target = toBuildFile(buildDir, repoDir, output) ?? toBuildFile(buildDir, dirname(file), output);
      if (target && share !== void 0)
        found.set(target, byShare(share, `metafile ${posix2.basename(file)}`));
    }
  }
  return found;
}
function fromWebpackStats(buildDir, repoDir) {
  const found = /* @__PURE__ */ new Map();
  for (const file of candidateFiles(buildDir, repoDir, /^(?:webpack-)?stats\.json$/i)) {
    const stats = readJson(file);
    if (!isRecord(stats) || !Array.isArray(stats.chunks)) continue;
    for (const chunk of stats.chunks) {
      if (!isRecord(chunk) || !Array.isArray(chunk.files) || !Array.isArray(chunk.modules)) continue;
      const parts = chunk.modules.flatMap(
        (module) => isRecord(module) ? [
          [
            String(module.name ?? module.identifier ?? ""),
            typeof module.size === "number" ? module.size : 0
          ]
        ] : []
      );
      const share = vendorShare(parts);
      if (share === void 0) continue;
      for (const output of chunk.files) {
        if (typeof output !== "string" || !/\.m?js$/.test(output)) continue;
        const outputDir = typeof stats.outputPath === "string" ? stats.outputPath : buildDir;
        const target = toBuildFile(buildDir, outputDir, output) ?? toBuildFile(buildDir, buildDir, output);
        if (target) found.set(target, byShare(share, `webpack ${posix2.basename(file)}`));
      }
    }
  }
  return found;
}
function fromViteManifest(buildDir) {
  const classes = /* @__PURE__ */ new Map();
  const entries = /* @__PURE__ */ new Set();
  for (const file of [join2(buildDir, ".vite/manifest.json"), join2(buildDir, "manifest.json")]) {
    const manifest = readJson(file);
    if (!isRecord(manifest)) continue;
    for (const [key, chunk] of Object.entries(manifest)) {
      if (!isRecord(chunk) || typeof chunk.file !== "string") continue;
      const src = typeof chunk.src === "string" ? chunk.src : key;
      if (chunk.isEntry === true) entries.add(chunk.file);
      if (NODE_MODULES.test(src))
        classes.set(chunk.file, { kind: "vendor", how: `Vite manifest: built from ${src}` });
      else if (typeof chunk.name === "string" && /vendor/i.test(chunk.name))
        classes.set(chunk.file, { kind: "vendor", how: `Vite manifest: chunk "${chunk.name}"` });
      else if (chunk.isEntry === true || chunk.isDynamicEntry === true)
        classes.set(chunk.file, { kind: "app", how: `Vite manifest: chunk of ${src}` });
    }
  }
  return { classes, entries };
}
function fromNextManifests(buildDir) {
  const classes = /* @__PURE__ */ new Map();
  const entries = /* @__PURE__ */ new Set();
  const nextDir = dirname(buildDir);
  const listed = /* @__PURE__ */ new Set();
  for (const name of ["build-manifest.json", "app-build-manifest.json"]) {
    const manifest = readJson(join2(nextDir, name));
    if (!isRecord(manifest)) continue;
    const collect = (value) => {
      if (typeof value === "string") listed.add(value);
      else if (Array.isArray(value)) value.forEach(collect);
      else if (isRecord(value)) Object.values(value).forEach(collect);
    };
    collect(manifest);
  }
  for (const path of listed) {
    const file = toBuildFile(buildDir, nextDir, path);
    if (!file || !/\.m?js$/.test(file)) continue;
    const base = posix2.basename(file);
    if (/^(?:framework|polyfills)[-.]/.test(base))
      classes.set(file, { kind: "vendor", how: `Next.js build manifest: ${base.split(/[-.]/)[0]} chunk` });
    else if (/^(?:main|main-app|webpack)[-.]/.test(base)) entries.add(file);
  }
  return { classes, entries };
}
var SIGNATURES = [
  ["React", /reactjs\.org\/docs\/error-decoder\.html|react\.dev\/errors\//],
  ["Vue", /__vue_app__|__VUE_PROD_DEVTOOLS__/],
  ["core-js", /Denis Pushkarev/]
];
function bySignature(buildDir, file) {
  let text;
  try {
    text = readFileSync2(join2(buildDir, file), "utf8");
  } catch {
    return void 0;
  }
  const hit = SIGNATURES.find(([, pattern]) => pattern.test(text));
  return hit ? { kind: "vendor", how: `${hit[0]} runtime in the code` } : void 0;
}
function classifyChunks(buildDir, jsFiles, options) {
  const classes = /* @__PURE__ */ new Map();
  if (options.vendorGlob) {
    const match = (0, import_picomatch.default)(options.vendorGlob, { basename: true, dot: true });
    for (const file of jsFiles)
      classes.set(
        file,
        match(file) ? { kind: "vendor", how: `vendorGlob ${options.vendorGlob}` } : { kind: "app", how: `vendorGlob ${options.vendorGlob}` }
      );
    return { classes, entries: /* @__PURE__ */ new Set() };
  }
  const metafiles = fromMetafiles(buildDir, options.repoDir);
  const stats = fromWebpackStats(buildDir, options.repoDir);
  const vite = fromViteManifest(buildDir);
  const next = fromNextManifests(buildDir);
  const entries = /* @__PURE__ */ new Set([...options.entryScripts ?? [], ...vite.entries, ...next.entries]);
  for (const file of jsFiles) {
    if (/vendor/i.test(posix2.basename(file))) {
      classes.set(file, { kind: "vendor", how: "file name" });
      continue;
    }
    if (entries.has(file)) {
      classes.set(file, { kind: "app", how: "entry script (main bundle)" });
      continue;
    }
    const decided = metafiles.get(file) ?? stats.get(file) ?? sourceMapOf(buildDir, file) ?? vite.classes.get(file) ?? next.classes.get(file) ?? bySignature(buildDir, file);
    classes.set(
      file,
      decided ?? { kind: "unknown", how: "no source map, manifest or metafile says what it holds" }
    );
  }
  return { classes, entries };
}

// checks/lib/bundle/size-limit-config.ts
var import_picomatch2 = __toESM(require_picomatch(), 1);
import { existsSync as existsSync3, readFileSync as readFileSync3 } from "node:fs";
import { join as join3 } from "node:path";
import { pathToFileURL } from "node:url";
var EntrySchema = external_exports.object({
  name: external_exports.string().optional(),
  path: external_exports.union([external_exports.string(), external_exports.array(external_exports.string())]),
  limit: external_exports.union([external_exports.string(), external_exports.number()]).optional(),
  gzip: external_exports.boolean().optional(),
  brotli: external_exports.boolean().optional(),
  ignore: external_exports.array(external_exports.string()).optional()
}).loose();
var ConfigSchema = external_exports.array(EntrySchema);
var JS_CONFIGS = [".size-limit.js", ".size-limit.cjs", ".size-limit.mjs"];
async function readSizeLimitConfig(repoDir) {
  const parse = (source, raw) => {
    const parsed = ConfigSchema.safeParse(raw);
    if (parsed.success) return { source, entries: parsed.data };
    const issue = parsed.error.issues[0];
    return { source, problem: `${issue?.path.join(".") || "(top level)"}: ${issue?.message ?? "invalid"}` };
  };
  const json = join3(repoDir, ".size-limit.json");
  if (existsSync3(json)) {
    try {
      return parse(".size-limit.json", JSON.parse(readFileSync3(json, "utf8")));
    } catch (error) {
      return { source: ".size-limit.json", problem: error.message };
    }
  }
  const pkgFile = join3(repoDir, "package.json");
  if (existsSync3(pkgFile)) {
    try {
      const pkg = JSON.parse(readFileSync3(pkgFile, "utf8"));
      if (pkg && typeof pkg === "object" && "size-limit" in pkg) {
        return parse('package.json "size-limit"', pkg["size-limit"]);
      }
    } catch {
    }
  }
  for (const name of JS_CONFIGS) {
    const file = join3(repoDir, name);
    if (!existsSync3(file)) continue;
    try {
      const module = await import(pathToFileURL(file).href);
      const value = module && typeof module === "object" && "default" in module ? module.default : module;
      return parse(name, value);
    } catch (error) {
      return { source: name, problem: error.message.split("\n")[0] ?? "cannot load" };
    }
  }
  if (existsSync3(join3(repoDir, ".size-limit.ts"))) {
    return {
      source: ".size-limit.ts",
      problem: "TypeScript size-limit configs are not read; run size-limit itself"
    };
  }
  return void 0;
}
function repoFiles(repoDir) {
  return walkRepo(repoDir, { skipDirs: /* @__PURE__ */ new Set(["node_modules", ".git"]), maxFiles: 5e4 });
}
function entryFiles(repoDir, entry, all = repoFiles(repoDir)) {
  const patterns = (Array.isArray(entry.path) ? entry.path : [entry.path]).map((p) => p.replace(/^\.\//, ""));
  const include = (0, import_picomatch2.default)(
    patterns.filter((p) => !p.startsWith("!")),
    { dot: true }
  );
  const excluded = patterns.filter((p) => p.startsWith("!")).map((p) => p.slice(1));
  const exclude = excluded.length > 0 ? (0, import_picomatch2.default)(excluded, { dot: true }) : () => false;
  return all.filter((file) => include(file) && !exclude(file)).sort();
}
function entryCompression(entry) {
  if (entry.gzip === true) return "gzip";
  if (entry.brotli === false) return "none";
  return "brotli";
}
function unmeasurable(entry) {
  for (const key of [
    "import",
    "webpack",
    "running",
    "modifyWebpackConfig",
    "modifyEsbuildConfig",
    "uiReports"
  ]) {
    if (key in entry && entry[key] !== false && entry[key] !== void 0) {
      return `uses "${key}" (needs a size-limit bundler/time plugin); run size-limit itself for it`;
    }
  }
  if (entry.limit !== void 0 && parseByteSize(entry.limit) === void 0) {
    return `limit ${JSON.stringify(entry.limit)} is not a size shipgate reads`;
  }
  return void 0;
}

// checks/bundle-size.ts
var DEFAULT_LIMITS = { main: 8e4, vendor: 5e4, js: 5e5, css: 3e4 };
var COMPRESSION_WORD = {
  gzip: "gzip",
  brotli: "brotli",
  none: "uncompressed"
};
var SHORT_LABEL = {
  main: "main",
  vendor: "largest vendor chunk",
  js: "total JS",
  css: "CSS"
};
function versus(bytes, limit, compression) {
  return `${formatBytes(bytes)} ${COMPRESSION_WORD[compression]} ${bytes <= limit ? "\u2264" : ">"} ${formatBytes(limit)}`;
}
function largestFirst(assets, count) {
  return [...assets].sort((a, b) => b.bytes - a.bytes).slice(0, count);
}
function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
function viewOf(buildDir, sizes, repoDir, vendorGlob) {
  const jsFiles = sizes.js.map((asset) => asset.file);
  const vendor = classifyChunks(buildDir, jsFiles, {
    repoDir,
    vendorGlob,
    entryScripts: entryScripts(buildDir, jsFiles)
  });
  const isVendor = (file) => vendor.classes.get(file)?.kind === "vendor";
  return { sizes, vendor, isVendor, main: mainScripts(sizes, vendor.entries, isVendor) };
}
function vendorHow(view, files) {
  const hows = [...new Set(files.map((file) => view.vendor.classes.get(file)?.how.split(":")[0] ?? ""))];
  return hows.filter(Boolean).join(", ");
}
function evaluateVendor(limit, view, compression, vendorGlob) {
  const chunks = view.sizes.js.filter((asset) => view.isVendor(asset.file));
  const over = chunks.filter((asset) => asset.bytes > limit);
  const largest = largestFirst(chunks, 1)[0];
  const how = vendorHow(
    view,
    chunks.map((asset) => asset.file)
  );
  const byName = how === "file name" || how === "" || vendorGlob !== void 0;
  if (over.length > 0 && largest) {
    const text2 = `largest vendor chunk ${largest.file} ${versus(largest.bytes, limit, compression)} each (${plural(chunks.length, "chunk")}${byName ? "" : `; found by ${how}`})`;
    return { pass: false, text: text2, bytes: largest.bytes, culprits: over };
  }
  const unclassified = view.sizes.js.filter(
    (asset) => asset.bytes > limit && view.vendor.classes.get(asset.file)?.kind === "unknown"
  );
  if (unclassified.length > 0) {
    const first = largestFirst(unclassified, 1)[0];
    const why = `cannot tell whether ${first.file} (${formatBytes(first.bytes)} ${COMPRESSION_WORD[compression]} > ${formatBytes(limit)}) is vendor code: no source map, manifest, metafile or stats of the build says what it holds; emit source maps (or a metafile/stats.json), or set vendorGlob`;
    return { pass: false, unknown: why, text: why, bytes: first.bytes, culprits: [] };
  }
  if (!largest) {
    const rule = vendorGlob ? `matching ${vendorGlob}` : "named *vendor* or identified as node_modules code";
    return { pass: true, text: `no vendor chunks (no JS file ${rule})`, bytes: 0, culprits: [] };
  }
  const text = `largest vendor chunk ${largest.file} ${versus(largest.bytes, limit, compression)} each (${plural(chunks.length, "chunk")}${byName ? "" : `; found by ${how}`})`;
  return { pass: true, text, bytes: largest.bytes, culprits: [] };
}
function evaluate(budget, limit, view, compression, vendorGlob) {
  if (budget === "vendor") return evaluateVendor(limit, view, compression, vendorGlob);
  if (budget === "main") {
    const scripts = view.main;
    const bytes2 = totalBytes(scripts);
    const which = scripts.length === 0 ? " (no entry script found)" : "";
    return {
      pass: bytes2 <= limit,
      text: `main ${versus(bytes2, limit, compression)}${which}`,
      bytes: bytes2,
      culprits: scripts
    };
  }
  const assets = budget === "js" ? view.sizes.js : view.sizes.css;
  const bytes = totalBytes(assets);
  const label = budget === "js" ? "total JS" : "CSS";
  const text = `${label} ${versus(bytes, limit, compression)} (${plural(assets.length, "file")})`;
  return { pass: bytes <= limit, text, bytes, culprits: largestFirst(assets, 5) };
}
function findingsFor(budget, result, limit, compression, toRepoPath) {
  if (result.pass) return [];
  const size = (asset) => `${formatBytes(asset.bytes)} ${COMPRESSION_WORD[compression]}`;
  const why = {
    main: (asset) => `${size(asset)}: entry script of a main bundle over its ${formatBytes(limit)} budget`,
    vendor: (asset) => `${size(asset)}: vendor chunk over the ${formatBytes(limit)} per-chunk budget`,
    js: (asset) => `${size(asset)}: one of the largest files of a total JS over its ${formatBytes(limit)} budget`,
    css: (asset) => `${size(asset)}: one of the largest files of a CSS total over its ${formatBytes(limit)} budget`
  };
  return result.culprits.map((asset) => ({ file: toRepoPath(asset.file), message: why[budget](asset) }));
}
async function judgeOwnConfig(config, repoDir) {
  const all = repoFiles(repoDir);
  const lines = [];
  const findings = [];
  const metrics = {};
  let failed = 0;
  let unmeasured = 0;
  let judged = 0;
  for (const [index, entry] of config.entries.entries()) {
    const name = entry.name ?? (Array.isArray(entry.path) ? entry.path.join(", ") : entry.path);
    const why = unmeasurable(entry);
    if (why) {
      unmeasured++;
      lines.push(`SKIP ${name}: ${why}`);
      continue;
    }
    const files = entryFiles(repoDir, entry, all);
    if (files.length === 0) {
      failed++;
      const message = `${name}: no file matches ${JSON.stringify(entry.path)} (build first?)`;
      lines.push(`FAIL ${message}`);
      findings.push({ file: config.source.split(" ")[0], message });
      continue;
    }
    const compression = entryCompression(entry);
    const bytes = await measureTotal(repoDir, files, compression);
    metrics[`entry${index}Bytes`] = bytes;
    const limitBytes = entry.limit === void 0 ? void 0 : parseByteSize(entry.limit);
    if (limitBytes === void 0) {
      lines.push(`info ${name}: ${formatBytes(bytes)} ${COMPRESSION_WORD[compression]} (no limit set)`);
      continue;
    }
    judged++;
    const text = `${name} ${versus(bytes, limitBytes, compression)}`;
    if (bytes > limitBytes) {
      failed++;
      findings.push({ file: files[0], message: `${text} (limit from ${config.source})` });
    }
    lines.push(
      `${bytes > limitBytes ? "FAIL" : "ok  "} ${text} (${files.length} file${files.length === 1 ? "" : "s"})`
    );
  }
  const details = [`limits from ${config.source}`, ...lines].join("\n");
  if (failed > 0) {
    const first = lines.find((line) => line.startsWith("FAIL"))?.slice(5).replace(/ \(\d+ files?\)$/, "") ?? "";
    return {
      status: "fail",
      summary: `${failed} of ${config.entries.length} size-limit entries over budget (${config.source}): ${first}`,
      details,
      findings,
      metrics
    };
  }
  if (unmeasured > 0 || judged === 0) {
    return {
      status: "skipped",
      summary: judged === 0 ? `${config.source} sets no limit shipgate can measure: run size-limit itself, or N/A` : `${unmeasured} of ${config.entries.length} entries in ${config.source} not measurable by shipgate (run size-limit itself); the rest within limits`,
      details,
      metrics
    };
  }
  const ok = lines.filter((line) => line.startsWith("ok")).map((line) => line.slice(5).replace(/ \(\d+ files?\)$/, ""));
  return {
    status: "pass",
    summary: `${judged} size-limit budget${judged === 1 ? "" : "s"} met (${config.source}): ${ok.join("; ")}`,
    details,
    metrics
  };
}
var bundleSizeCheck = defineCheck({
  ...bundleSizeContract,
  async run({ target, limit, compression, vendorGlob }, ctx) {
    const own = await ctx.memo(`size-limit-config:${ctx.repoDir}`, () => readSizeLimitConfig(ctx.repoDir));
    if (own && "problem" in own) {
      return { status: "error", summary: `${own.source}: ${own.problem}` };
    }
    if (own && target === "all")
      return ctx.memo(`size-limit-own:${ctx.repoDir}`, () => judgeOwnConfig(own, ctx.repoDir));
    const buildDir = findBuildDir(ctx);
    if (!buildDir) return { status: "skipped", summary: missingBuildDirReason(ctx) };
    const sizes = await ctx.memo(`size-limit:${buildDir}:${compression}`, async () => {
      const started = Date.now();
      const measured = await measureBuild(buildDir, compression);
      ctx.log(`size-limit: ${measured.js.length + measured.css.length} files in ${Date.now() - started} ms`);
      return measured;
    });
    const view = await ctx.memo(
      `bundle-view:${buildDir}:${compression}:${vendorGlob ?? ""}`,
      async () => viewOf(buildDir, sizes, ctx.repoDir, vendorGlob)
    );
    const toRepoPath = (file) => relative2(ctx.repoDir, join4(buildDir, file)).split("\\").join("/");
    let ownNote;
    if (own && target !== "all") {
      const matching = entriesFor(target, own, view, buildDir, ctx.repoDir);
      if (matching.length > 0) {
        const outcome = await judgeOwnConfig({ ...own, entries: matching }, ctx.repoDir);
        return {
          ...outcome,
          summary: `${outcome.summary} [the ${ITEM_NAME[target]} as ${own.source} measures it]`
        };
      }
      ownNote = `no entry of ${own.source} measures the ${ITEM_NAME[target]}: judged by this item's own limit`;
    }
    const budgets = target === "all" ? ["main", "vendor", "js", "css"] : [target];
    const custom = target !== "all" && limit !== void 0 ? parseByteSize(limit) : void 0;
    const metrics = {};
    const findings = [];
    const results = [];
    const short = [];
    for (const budget of budgets) {
      const budgetLimit = custom ?? DEFAULT_LIMITS[budget];
      const result = evaluate(budget, budgetLimit, view, compression, vendorGlob);
      metrics[`${budget}Bytes`] = result.bytes;
      metrics[`${budget}LimitBytes`] = budgetLimit;
      findings.push(...findingsFor(budget, result, budgetLimit, compression, toRepoPath));
      results.push(result);
      short.push(`${SHORT_LABEL[budget]} ${formatBytes(result.bytes)} \u2264 ${formatBytes(budgetLimit)}`);
    }
    const failed = results.filter((result) => !result.pass && !result.unknown).map((result) => result.text);
    const unknown = results.flatMap((result) => result.unknown ? [result.unknown] : []);
    const ignored = target === "all" && limit !== void 0 ? ["limit ignored for target=all (seed budgets apply)"] : [];
    const vendorLines = [...view.vendor.classes.entries()].filter(([, c]) => c.kind !== "app" || c.how !== "entry script (main bundle)").slice(0, 30).map(([file, c]) => `  ${file}: ${c.kind} (${c.how})`);
    const details = [
      `build dir: ${toRepoPath(".") || "."}`,
      ...ownNote ? [ownNote] : [],
      ...ignored,
      ...results.map((result) => `${result.unknown ? "SKIP" : result.pass ? "ok  " : "FAIL"} ${result.text}`),
      ...budgets.includes("vendor") ? ["JS chunks, vendor or not, as the build says:", ...vendorLines] : []
    ].join("\n");
    const status = failed.length > 0 ? "fail" : unknown.length > 0 ? "skipped" : "pass";
    const note = ownNote ? ` (${ownNote})` : "";
    if (target !== "all")
      return { status, summary: `${results[0]?.text ?? ""}${note}`, details, findings, metrics };
    const summary = failed.length > 0 ? `${failed.length} of 4 performance budgets exceeded: ${failed.join("; ")}` : unknown.length > 0 ? `${4 - unknown.length} of 4 performance budgets met; not judged: ${unknown.join("; ")}` : `All performance budgets met (${COMPRESSION_WORD[compression]}): ${short.join(", ")}`;
    return { status, summary, details, findings, metrics };
  }
});
var ITEM_NAME = {
  main: "main bundle",
  vendor: "vendor chunks",
  js: "total JS",
  css: "CSS"
};
function entriesFor(target, config, view, buildDir, repoDir) {
  const all = repoFiles(repoDir);
  const same = (a, b) => a.length > 0 && a.length === b.length && a.every((file) => b.includes(file));
  return config.entries.filter((entry) => {
    if (unmeasurable(entry)) return false;
    const files = entryFiles(repoDir, entry, all).map((file) => relative2(buildDir, join4(repoDir, file)).split("\\").join("/")).filter((file) => !file.startsWith("..") && /\.(?:m?js|cjs|css)$/i.test(file));
    if (files.length === 0) return false;
    const itemFiles = {
      main: () => same(
        files,
        view.main.map((asset) => asset.file)
      ),
      js: () => same(
        files,
        view.sizes.js.map((asset) => asset.file)
      ),
      css: () => same(
        files,
        view.sizes.css.map((asset) => asset.file)
      ),
      vendor: () => files.every((file) => view.isVendor(file))
    };
    return itemFiles[target]();
  });
}
export {
  bundleSizeCheck
};
