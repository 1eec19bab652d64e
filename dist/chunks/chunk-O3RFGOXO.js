import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  defineContract,
  external_exports
} from "./chunk-PZ57HXUH.js";

// src/core/byte-size.ts
var UNIT_BYTES = {
  b: 1,
  kb: 1e3,
  mb: 1e3 ** 2,
  kib: 1024,
  mib: 1024 ** 2
};
function parseByteSize(value) {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? Math.round(value) : void 0;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  if (!match) return void 0;
  const factor = UNIT_BYTES[(match[2] || "b").toLowerCase()];
  return factor === void 0 ? void 0 : Math.round(Number(match[1]) * factor);
}
function formatBytes(bytes) {
  if (bytes < 1e3) return `${bytes} B`;
  if (bytes < 1e3 ** 2) return `${trim((bytes / 1e3).toFixed(1))} kB`;
  return `${trim((bytes / 1e3 ** 2).toFixed(2))} MB`;
}
function trim(fixed) {
  return fixed.replace(/\.?0+$/, "");
}

// checks/contracts/bundle-size.ts
var params = external_exports.object({
  target: external_exports.enum(["main", "vendor", "js", "css", "all"]).default("all"),
  limit: external_exports.union([external_exports.string(), external_exports.number()]).optional().refine((value) => value === void 0 || parseByteSize(value) !== void 0, {
    message: 'limit must be a size like "80 kB", "50KB" or a number of bytes'
  }),
  compression: external_exports.enum(["gzip", "brotli", "none"]).default("gzip"),
  /** Glob for vendor chunks (matched against the basename when it has no slash); default: name contains "vendor". */
  vendorGlob: external_exports.string().min(1).optional()
});
var BROWSER_BUILD_APPLICABILITY = {
  needs: [
    { trait: "pages", otherwise: "dropped", reason: "API only: no browser build" },
    {
      trait: "browser-build",
      otherwise: "dropped",
      reason: "{framework} renders its pages on the server: no JavaScript build"
    }
  ],
  bind: [{ reason: "build dir {browser-build}" }]
};
var bundleSizeContract = defineContract({
  id: "bundle-size",
  measures: "build",
  usesBuild: true,
  title: "Bundle size budgets (size-limit)",
  proves: "With the repository's own size-limit config (`.size-limit.{json,js,cjs,mjs}` or `package.json` `size-limit`), `target=all` is judged by its entries, each within its own limit and compression (brotli unless it says otherwise); an item (main, vendor, js, css) is judged by the entries that measure the same files as it does, and keeps its own `limit` when none does (the summary says which). Otherwise the browser build's main entry scripts, every vendor chunk, total JS and CSS within `limit` (gzip by default). Vendor chunks are found the way the bundler knows them \u2014 an esbuild metafile, webpack stats, source maps' `sources` under node_modules, the Vite manifest, the Next.js build manifest's framework chunk, React/Vue/core-js runtime code, or a `*vendor*` file name (`vendorGlob` overrides all); a chunk over the budget that none of these can classify makes the item `skipped` with the reason, never a pass. Only browser assets are measured (HTML entry points or a framework's client output). Does not prove load time on a real network.",
  params,
  applicability: BROWSER_BUILD_APPLICABILITY
});

export {
  parseByteSize,
  formatBytes,
  BROWSER_BUILD_APPLICABILITY,
  bundleSizeContract
};
