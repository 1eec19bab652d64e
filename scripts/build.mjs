// Bundles the Action (dist/index.js), the app server (dist/server.js) and the CLI (dist/cli.js).
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

const entries = [{ in: 'src/cli/index.ts', out: 'dist/cli.js' }];
const optional = [
  { in: 'src/action/index.ts', out: 'dist/index.js' },
  { in: 'src/app/server.ts', out: 'dist/server.js' },
];

import { existsSync } from 'node:fs';

for (const entry of [...entries, ...optional.filter((e) => existsSync(e.in))]) {
  await build({ ...common, entryPoints: [entry.in], outfile: entry.out });
}
