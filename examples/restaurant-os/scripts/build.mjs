// Production build of the front-end with esbuild (a root devDependency of shipgate; the example has no
// dependencies of its own). Output: dist/index.html + dist/assets/{main,vendor}-<hash>.js, main-<hash>.css,
// each minified with a separate, linked .map file. console.* and debugger statements are dropped.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, 'dist');
const assets = path.join(dist, 'assets');

const common = {
  bundle: true,
  format: 'esm',
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  minify: true,
  // Separate .map files, referenced by a sourceMappingURL comment (never inlined).
  sourcemap: 'linked',
  drop: ['console', 'debugger'],
  entryNames: '[name]-[hash]',
  outdir: assets,
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
};

/** The output file of an entry point, relative to dist/ (`assets/main-AB12CD34.js`). */
function outputOf(result, extension) {
  const file = Object.keys(result.metafile.outputs).find((out) => out.endsWith(extension));
  if (!file) throw new Error(`no ${extension} output`);
  return path.relative(dist, path.resolve(file)).split(path.sep).join('/');
}

fs.rmSync(dist, { recursive: true, force: true });

// 1. The vendor chunk on its own, so its hash (and the browser cache) only changes with the library.
const vendor = await esbuild.build({
  ...common,
  entryPoints: { vendor: path.join(root, 'web/vendor/index.ts') },
});
const vendorFile = outputOf(vendor, '.js');

// 2. The app, importing the vendor chunk by its hashed file name instead of bundling it again.
const vendorImport = {
  name: 'vendor-chunk',
  setup(build) {
    build.onResolve({ filter: /^restaurant-vendor$/ }, () => ({
      path: `./${path.basename(vendorFile)}`,
      external: true,
    }));
  },
};
const app = await esbuild.build({
  ...common,
  entryPoints: { main: path.join(root, 'web/src/main.ts') },
  plugins: [vendorImport],
});
const mainFile = outputOf(app, '.js');
const cssFile = outputOf(app, '.css');

const tags = [
  `<link rel="stylesheet" href="/${cssFile}" />`,
  `<link rel="modulepreload" href="/${vendorFile}" />`,
  `<script type="module" src="/${mainFile}"></script>`,
].join('\n    ');
const html = fs
  .readFileSync(path.join(root, 'web/index.html'), 'utf8')
  .replace('<!-- build:assets -->', tags);
fs.writeFileSync(path.join(dist, 'index.html'), html);

for (const file of fs.readdirSync(assets).sort()) {
  process.stdout.write(`dist/assets/${file}  ${fs.statSync(path.join(assets, file)).size} B\n`);
}
