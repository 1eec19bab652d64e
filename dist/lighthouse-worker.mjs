// Runs Lighthouse in its own Node process, driven by lighthouse-run.ts over IPC.
// Why a separate process: Lighthouse loads its audits with dynamic imports that break under bundlers and
// jest's ESM loader, keeps global state (one run at a time), and a crashed/aborted run must not take the
// caller down. Chrome itself is launched and killed by the parent; this only drives it on `port`.
// Input: argv[2] = JSON {url, port, runs}. Output: one IPC message per run {lhr} (the audits we read), or {error}.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// The Action installs the pinned Lighthouse into the runner's tool cache when its checkout has no
// node_modules (src/action/tools/lighthouse.ts) and names that npm prefix here.
async function loadLighthouse() {
  const prefix = process.env.SHIPGATE_LIGHTHOUSE_DIR;
  if (!prefix) return (await import('lighthouse')).default;
  const entry = createRequire(join(prefix, 'package.json')).resolve('lighthouse');
  return (await import(pathToFileURL(entry).href)).default;
}

const AUDITS = [
  'largest-contentful-paint',
  'cumulative-layout-shift',
  'server-response-time',
  'max-potential-fid',
  'errors-in-console',
];

function pickLhr(lhr) {
  const audits = {};
  for (const id of AUDITS) audits[id] = lhr.audits[id];
  return {
    lighthouseVersion: lhr.lighthouseVersion,
    runtimeError: lhr.runtimeError,
    categories: { performance: { score: lhr.categories.performance?.score ?? null } },
    audits,
  };
}

function send(message) {
  return new Promise((resolve) => process.send(message, () => resolve()));
}

try {
  const { url, port, runs } = JSON.parse(process.argv[2] ?? '{}');
  const lighthouse = await loadLighthouse();
  for (let run = 0; run < runs; run++) {
    const result = await lighthouse(url, {
      port,
      logLevel: 'silent',
      onlyCategories: ['performance'],
      onlyAudits: ['errors-in-console'],
    });
    if (!result) throw new Error('Lighthouse returned no result');
    await send({ lhr: pickLhr(result.lhr) });
  }
} catch (error) {
  await send({ error: error instanceof Error ? error.message : String(error) });
}
process.disconnect();
