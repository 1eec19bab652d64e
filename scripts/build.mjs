// Bundles the Action (dist/index.js), the CLI (dist/cli.js) and the app server (dist/server.js).
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
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

// Each check's implementation (checks/index.ts imports it on first run) and the tools it imports are
// chunks of their own: the Action and the CLI load only what the items they run need, so their
// first output comes before any of Lighthouse, autocannon or size-limit is read (npm run bench:
// action_cold_start_ratio). Chunk names carry a content hash, so old chunks are removed first.
const CHUNKS = 'dist/chunks';
rmSync(CHUNKS, { recursive: true, force: true });
const split = { splitting: true, outdir: 'dist', chunkNames: 'chunks/[name]-[hash]' };

const builds = [
  // The Action and the CLI in one build, so they share their chunks (one copy of each check). The
  // Action runs from a checkout with no node_modules: bundle every tool it can run bundled
  // (size-limit, autocannon, chrome-launcher: measured in docs/action.md), the CLI alike. Only
  // Lighthouse stays out: its forked worker imports it from node_modules (locale/asset files at
  // run time), or from the pinned copy the Action installs into the tool cache when there is none.
  {
    ...split,
    entryPoints: { index: 'src/action/index.ts', cli: 'src/cli/index.ts' },
    external: ['lighthouse'],
    define: { __SHIPGATE_LIGHTHOUSE_VERSION__: JSON.stringify(lighthouseVersion) },
  },
  // The bot never runs a check: it reads their contracts only (checks/contracts/), so its one file
  // holds no check implementation and none of their tools (__tests__/core/structure.test.ts).
  { entryPoints: ['src/app/server.ts'], outfile: 'dist/server.js' },
];

for (const options of builds) {
  await build({ ...common, ...options });
}
// Lighthouse runs in a forked worker found next to the module that forks it (new
// URL('./lighthouse-worker.mjs', import.meta.url)): the Lighthouse check's chunk.
mkdirSync(CHUNKS, { recursive: true });
copyFileSync('checks/lib/lighthouse/lighthouse-worker.mjs', `${CHUNKS}/lighthouse-worker.mjs`);
if (!existsSync('dist/index.js')) throw new Error('the Action bundle was not written');
