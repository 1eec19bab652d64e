// Bundles the Action (dist/index.js), the app server (dist/server.js) and the CLI (dist/cli.js).
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  // Bundled CommonJS dependencies call require('net') etc.; give ESM output a require.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  // Lighthouse and chrome-launcher load files relative to themselves at run time: keep them external.
  external: ['lighthouse', 'chrome-launcher', 'size-limit', '@size-limit/file', 'autocannon', 'secretlint'],
};

// The Action installs exactly this Lighthouse when its checkout has no node_modules (src/action/tools/lighthouse.ts).
const lighthouseVersion = JSON.parse(readFileSync('package.json', 'utf8')).dependencies.lighthouse;
if (!/^\d+\.\d+\.\d+$/.test(lighthouseVersion))
  throw new Error(`package.json must pin lighthouse exactly (got ${lighthouseVersion})`);

const entries = [{ in: 'src/cli/index.ts', out: 'dist/cli.js' }];
const optional = [
  // The Action runs from a checkout with no node_modules: bundle every tool it can run bundled
  // (size-limit, autocannon, chrome-launcher: measured in docs/action.md). Only Lighthouse stays
  // out: its forked worker imports it from node_modules (locale/asset files at run time), or from
  // the pinned copy the Action installs into the tool cache when there is none.
  {
    in: 'src/action/index.ts',
    out: 'dist/index.js',
    external: ['lighthouse'],
    define: { __SHIPGATE_LIGHTHOUSE_VERSION__: JSON.stringify(lighthouseVersion) },
  },
  { in: 'src/app/server.ts', out: 'dist/server.js' },
];

for (const entry of [...entries, ...optional.filter((e) => existsSync(e.in))]) {
  await build({
    ...common,
    entryPoints: [entry.in],
    outfile: entry.out,
    external: entry.external ?? common.external,
    ...(entry.define ? { define: entry.define } : {}),
  });
}
// Lighthouse runs in a forked worker found next to the bundle (new URL('./lighthouse-worker.mjs', import.meta.url)).
copyFileSync('checks/lib/lighthouse/lighthouse-worker.mjs', 'dist/lighthouse-worker.mjs');
