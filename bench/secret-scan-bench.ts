import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  buildSecretCorpus,
  type CorpusSample,
  type FamilyScore,
  scoreCorpus,
} from '../__tests__/helpers/secret-corpus.js';
import { scanText } from '../checks/lib/secrets/engine.js';

/** Deterministic PRNG so every run scans the same corpus. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Seeded secrets in formats both scanners document (assembled at run time, never committed). */
function seededSecret(kind: number, rand: () => number): string {
  const pick = (alphabet: string, n: number) =>
    Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
  switch (kind % 5) {
    case 0:
      return `const token = "${'gh'}p_${pick(ALNUM, 36)}";`;
    case 1:
      return `aws_access_key_id = "${'AK'}IA${pick(UPPER, 16)}"`;
    case 2:
      return `const slack = "${'xo'}xb-${pick('0123456789', 12)}-${pick('0123456789', 13)}-${pick(ALNUM, 24)}";`;
    case 3:
      return `OPENAI_API_KEY="${'sk'}-proj-${pick(ALNUM, 74)}${'T3Blbk'}FJ${pick(ALNUM, 74)}"`;
    default:
      return `const key = \`-----BEGIN ${'RSA PRIVATE'} KEY-----\n${pick(ALNUM, 64)}\n${pick(ALNUM, 64)}\n-----END RSA PRIVATE KEY-----\`;`;
  }
}

function codeLine(rand: () => number, index: number): string {
  const forms = [
    `export function handler${index}(req, res) { return res.json({ id: ${Math.floor(rand() * 1e6)} }); }`,
    `const config${index} = { url: process.env.API_URL, retries: ${Math.floor(rand() * 5)}, password: process.env.DB_PASSWORD };`,
    `// TODO(${index}): tidy the token refresh path once the secret manager lands`,
    `import { thing${index} } from './module-${index % 37}.js';`,
    `  if (order.total > ${Math.floor(rand() * 500)}) { logger.info('large order', order.id); }`,
  ];
  return forms[Math.floor(rand() * forms.length)] ?? '';
}

export interface Corpus {
  dir: string;
  files: string[];
  bytes: number;
  seeded: Map<string, number>;
}

/** `fileCount` files of ~4 kB TypeScript-like text; every 20th file carries one seeded secret. */
export function buildCorpus(fileCount: number): Corpus {
  const rand = prng(42);
  const dir = mkdtempSync(join(tmpdir(), 'shipgate-secret-bench-'));
  const files: string[] = [];
  const seeded = new Map<string, number>();
  let bytes = 0;
  for (let i = 0; i < fileCount; i++) {
    const lines = Array.from({ length: 45 }, (_, line) => codeLine(rand, i * 100 + line));
    if (i % 20 === 0) {
      const at = Math.floor(rand() * lines.length);
      lines.splice(at, 0, seededSecret(i / 20, rand));
      seeded.set(`src/f${i}.ts`, at + 1);
    }
    const path = join(dir, 'src', `f${i}.ts`);
    mkdirSync(join(dir, 'src'), { recursive: true });
    const text = `${lines.join('\n')}\n`;
    writeFileSync(path, text);
    files.push(path);
    bytes += Buffer.byteLength(text);
  }
  return { dir, files, bytes, seeded };
}

function relativeName(corpus: Corpus, file: string): string {
  return file.slice(corpus.dir.length + 1);
}

async function scanWithShipgate(corpus: Corpus): Promise<Set<string>> {
  const found = new Set<string>();
  for (const file of corpus.files) {
    const name = relativeName(corpus, file);
    if (scanText(readFileSync(file, 'utf8'), name).length > 0) found.add(name);
  }
  return found;
}

export type LintOne = (filePath: string, content: string) => Promise<boolean>;

/** secretlint's recommended preset (AWS key ids on), as a function: does it flag this text? */
export async function secretlintLinter(): Promise<LintOne> {
  // secretlint ≤ 13.0.x runs an O(n²) profiler on every file; turn it off so we compare scanning.
  const { secretLintProfiler } = (await import('@secretlint/profiler')) as {
    secretLintProfiler: { mark: (...args: unknown[]) => void };
  };
  secretLintProfiler.mark = () => {};
  const { lintSource } = (await import('@secretlint/core')) as {
    lintSource: (input: unknown) => Promise<{ messages: unknown[] }>;
  };
  const { loadPackagesFromConfigDescriptor } = (await import('@secretlint/config-loader')) as {
    loadPackagesFromConfigDescriptor: (input: unknown) => Promise<{ config: unknown }>;
  };
  const { config } = await loadPackagesFromConfigDescriptor({
    configDescriptor: {
      rules: [
        {
          id: '@secretlint/secretlint-rule-preset-recommend',
          rules: [{ id: '@secretlint/secretlint-rule-aws', options: { enableIDScanRule: true } }],
        },
      ],
    },
  });
  // maskSecrets: its messages quote the match; we only count them, never print them
  return async (filePath, content) =>
    (
      await lintSource({
        source: { filePath, content, contentType: 'text' },
        options: { config, maskSecrets: true },
      })
    ).messages.length > 0;
}

async function scanWithSecretlint(corpus: Corpus, lint: LintOne): Promise<Set<string>> {
  const found = new Set<string>();
  for (const file of corpus.files) {
    if (await lint(file, readFileSync(file, 'utf8'))) found.add(relativeName(corpus, file));
  }
  return found;
}

function secretlintVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('secretlint/package.json') as { version: string }).version;
}

/** Per-family recall and false positives of both engines on the corpus built from provider formats. */
async function familyScores(lint: LintOne): Promise<Record<string, Record<string, number>>> {
  const samples = buildSecretCorpus();
  const ours = await scoreCorpus(samples, (s: CorpusSample) => scanText(s.text, s.file).length > 0);
  const theirs = await scoreCorpus(samples, (s: CorpusSample) => lint(`/corpus/${s.file}`, s.text));
  const table: Record<string, Record<string, number>> = {};
  for (const [family, score] of Object.entries(ours.families)) {
    const other = theirs.families[family] as FamilyScore;
    table[family] = {
      samples: score.samples,
      lookalikes: score.lookalikes,
      shipgate_recall: score.recall,
      secretlint_recall: other.recall,
      shipgate_false_positives: score.falsePositives,
      secretlint_false_positives: other.falsePositives,
    };
  }
  return table;
}

async function timed(run: () => Promise<Set<string>>): Promise<{ seconds: number; found: Set<string> }> {
  const start = performance.now();
  const found = await run();
  return { seconds: (performance.now() - start) / 1000, found };
}

/** Timed rounds per engine: the machine is shared, so one round says more about the neighbours. */
const ROUNDS = 7;

/**
 * A full collection before each timed round, so that neither engine pays for the garbage the
 * other left behind (the rounds alternate). Node exposes `gc` only behind a flag set at run time.
 */
let gc: unknown;
function collectGarbage(): void {
  if (gc === undefined) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc');
  }
  if (typeof gc === 'function') gc();
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Both engines after one warm-up run each (regex compilation, JIT), then ROUNDS rounds alternating
 * the two so that a burst of load elsewhere hits both; each engine's median round is its figure.
 */
async function timedRounds(
  ours: () => Promise<Set<string>>,
  theirs: () => Promise<Set<string>>,
): Promise<{
  ours: { seconds: number; found: Set<string> };
  theirs: { seconds: number; found: Set<string> };
}> {
  await ours();
  await theirs();
  const oursRuns: { seconds: number; found: Set<string> }[] = [];
  const theirsRuns: { seconds: number; found: Set<string> }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    collectGarbage();
    oursRuns.push(await timed(ours));
    collectGarbage();
    theirsRuns.push(await timed(theirs));
  }
  const pick = (runs: { seconds: number; found: Set<string> }[]) => ({
    seconds: median(runs.map((run) => run.seconds)),
    found: runs[0]?.found ?? new Set<string>(),
  });
  return { ours: pick(oursRuns), theirs: pick(theirsRuns) };
}

/** Throughput (MB/s) and recall of the built-in engine and secretlint on the same corpus, same run. */
export async function benchSecretScan(fileCount = 2000): Promise<Record<string, unknown>> {
  const corpus = buildCorpus(fileCount);
  try {
    const lint = await secretlintLinter();
    const { ours, theirs } = await timedRounds(
      () => scanWithShipgate(corpus),
      () => scanWithSecretlint(corpus, lint),
    );
    const families = await familyScores(lint);
    const mb = corpus.bytes / 1e6;
    const recall = (found: Set<string>) =>
      [...corpus.seeded.keys()].filter((file) => found.has(file)).length / corpus.seeded.size;
    const falsePositives = (found: Set<string>) =>
      [...found].filter((file) => !corpus.seeded.has(file)).length;
    return {
      secret_scan_corpus_mb: Number(mb.toFixed(2)),
      secret_scan_mb_per_s: Number((mb / ours.seconds).toFixed(2)),
      secretlint_mb_per_s: Number((mb / theirs.seconds).toFixed(2)),
      secret_scan_speedup_vs_secretlint: Number((theirs.seconds / ours.seconds).toFixed(2)),
      secret_scan_recall: recall(ours.found),
      secretlint_recall: recall(theirs.found),
      secret_scan_false_positive_files: falsePositives(ours.found),
      secretlint_false_positive_files: falsePositives(theirs.found),
      secret_scan_timed_rounds: ROUNDS,
      secretlint_version: secretlintVersion(),
      secret_corpus_recall: families.all?.shipgate_recall ?? 0,
      secretlint_corpus_recall: families.all?.secretlint_recall ?? 0,
      secret_corpus_false_positives: families.all?.shipgate_false_positives ?? 0,
      secretlint_corpus_false_positives: families.all?.secretlint_false_positives ?? 0,
      secret_scan_families: families,
    };
  } finally {
    rmSync(corpus.dir, { recursive: true, force: true });
  }
}
