import { z } from 'zod';
import { parseByteSize } from '../../src/core/byte-size.js';
import type { Applicability } from '../../src/core/fit/applicability.js';
import { defineContract } from '../contract.js';

const params = z.object({
  target: z.enum(['main', 'vendor', 'js', 'css', 'all']).default('all'),
  limit: z
    .union([z.string(), z.number()])
    .optional()
    .refine((value) => value === undefined || parseByteSize(value) !== undefined, {
      message: 'limit must be a size like "80 kB", "50KB" or a number of bytes',
    }),
  compression: z.enum(['gzip', 'brotli', 'none']).default('gzip'),
  /** Glob for vendor chunks (matched against the basename when it has no slash); default: name contains "vendor". */
  vendorGlob: z.string().min(1).optional(),
});

/** Where a browser build is judged (bundle-size, build-output): an app that builds JavaScript for the browser. */
export const BROWSER_BUILD_APPLICABILITY: Applicability = {
  needs: [
    { trait: 'pages', otherwise: 'dropped', reason: 'API only: no browser build' },
    {
      trait: 'browser-build',
      otherwise: 'dropped',
      reason: '{framework} renders its pages on the server: no JavaScript build',
    },
  ],
  bind: [{ reason: 'build dir {browser-build}' }],
};

export const bundleSizeContract = defineContract({
  id: 'bundle-size',
  measures: 'build',
  usesBuild: true,
  title: 'Bundle size budgets (size-limit)',
  proves:
    "With the repository's own size-limit config (`.size-limit.{json,js,cjs,mjs}` or `package.json` `size-limit`), `target=all` is judged by its entries, each within its own limit and compression (brotli unless it says otherwise); an item (main, vendor, js, css) is judged by the entries that measure the same files as it does, and keeps its own `limit` when none does (the summary says which). Otherwise the browser build's main entry scripts, every vendor chunk, total JS and CSS within `limit` (gzip by default). Vendor chunks are found the way the bundler knows them — an esbuild metafile, webpack stats, source maps' `sources` under node_modules, the Vite manifest, the Next.js build manifest's framework chunk, React/Vue/core-js runtime code, or a `*vendor*` file name (`vendorGlob` overrides all); a chunk over the budget that none of these can classify makes the item `skipped` with the reason, never a pass. Only browser assets are measured (HTML entry points or a framework's client output). Does not prove load time on a real network.",
  params: params,
  applicability: BROWSER_BUILD_APPLICABILITY,
});
