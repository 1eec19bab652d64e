// Runs Lighthouse in its own Node process, driven by lighthouse-run.ts over IPC.
// Why a separate process: Lighthouse loads its audits with dynamic imports that break under bundlers and
// jest's ESM loader, keeps global state (one run at a time), and a crashed/aborted run must not take the
// caller down. Chrome itself is launched and killed by the parent; this only drives it on `port`.
// Input: argv[2] = JSON {url, port, runs, flags?, preset?, full?}. Output: one IPC message per run
// {lhr} (the audits shipgate reads) plus {full} (the whole LHR without screenshots) when `full`, or {error}.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// The Action installs the pinned Lighthouse into the runner's tool cache when its checkout has no
// node_modules (src/action/tools/lighthouse.ts) and names that npm prefix here; Lighthouse and its
// preset configs are then imported from there.
async function importLighthouse(specifier) {
  const prefix = process.env.SHIPGATE_LIGHTHOUSE_DIR;
  if (!prefix) return (await import(specifier)).default;
  const entry = createRequire(join(prefix, 'package.json')).resolve(specifier);
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
    requestedUrl: lhr.requestedUrl,
    finalDisplayedUrl: lhr.finalDisplayedUrl,
    runWarnings: lhr.runWarnings,
    categories: { performance: { score: lhr.categories.performance?.score ?? null } },
    audits,
  };
}

// Screenshots are most of an LHR's size and no assertion reads them.
const HEAVY_AUDITS = ['screenshot-thumbnails', 'final-screenshot', 'full-page-screenshot'];

function trimLhr(lhr) {
  const { i18n, timing, fullPageScreenshot, ...rest } = lhr;
  const audits = { ...rest.audits };
  for (const id of HEAVY_AUDITS) if (audits[id]) audits[id] = { ...audits[id], details: undefined };
  // lhci groups runs by `finalUrl` (deprecated in the LHR since Lighthouse 10, still filled).
  return { ...rest, audits, finalUrl: rest.finalUrl ?? rest.finalDisplayedUrl };
}

const PRESETS = {
  desktop: 'lighthouse/core/config/desktop-config.js',
  perf: 'lighthouse/core/config/perf-config.js',
  experimental: 'lighthouse/core/config/experimental-config.js',
};

function union(list, extra) {
  return [...new Set([...(list ?? []), ...extra])];
}

/**
 * shipgate's own items need the performance category and errors-in-console in every run: a
 * config's `onlyCategories`/`onlyAudits` are widened by them, never replaced (no assertion of
 * the config changes by measuring more).
 */
function flagsFor(flags, full) {
  const out = full
    ? { ...flags }
    : { onlyCategories: ['performance'], onlyAudits: ['errors-in-console'], ...flags };
  if (flags.onlyCategories) out.onlyCategories = union(flags.onlyCategories, ['performance']);
  if (flags.onlyAudits) out.onlyAudits = union(flags.onlyAudits, AUDITS);
  return out;
}

function send(message) {
  return new Promise((resolve) => process.send(message, () => resolve()));
}

try {
  const lighthouse = await importLighthouse('lighthouse');
  const { url, port, runs, flags = {}, preset, full = false } = JSON.parse(process.argv[2] ?? '{}');
  const config = preset && PRESETS[preset] ? await importLighthouse(PRESETS[preset]) : undefined;
  for (let run = 0; run < runs; run++) {
    const result = await lighthouse(url, { port, logLevel: 'silent', ...flagsFor(flags, full) }, config);
    if (!result) throw new Error('Lighthouse returned no result');
    await send(
      full && !result.lhr.runtimeError
        ? { lhr: pickLhr(result.lhr), full: trimLhr(result.lhr) }
        : { lhr: pickLhr(result.lhr) },
    );
  }
} catch (error) {
  await send({ error: error instanceof Error ? error.message : String(error) });
}
process.disconnect();
