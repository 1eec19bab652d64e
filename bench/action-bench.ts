import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Paths are relative to the repository root: `npm run bench` runs from there. */
const ROOT = process.cwd();
const DIST = resolve(ROOT, 'dist/index.js');
const SERVER = resolve(ROOT, 'dist/server.js');
const EXAMPLE = resolve(ROOT, 'examples/restaurant-os');
const COLD_RUNS = 10;

/** The env an Actions runner gives the step, minus the event: no token, so nothing is published. */
function actionEnv(dir: string, workingDirectory: string, only: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
  if (process.env.CHROME_PATH) env.CHROME_PATH = process.env.CHROME_PATH;
  // @actions/core appends to these and refuses a missing file.
  writeFileSync(join(dir, 'output.txt'), '');
  writeFileSync(join(dir, 'summary.md'), '');
  return {
    ...env,
    GITHUB_WORKSPACE: workingDirectory,
    GITHUB_OUTPUT: join(dir, 'output.txt'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    'INPUT_WORKING-DIRECTORY': workingDirectory,
    INPUT_ONLY: only,
    'INPUT_FAIL-ON': 'never',
  };
}

/** A repository that needs no build: the changelog check is the whole run. */
function tinyRepo(dir: string): string {
  const repo = join(dir, 'repo');
  mkdirSync(repo, { recursive: true });
  writeFileSync(join(repo, 'package.json'), '{"name":"tiny","version":"1.0.0"}\n');
  writeFileSync(join(repo, 'CHANGELOG.md'), '# Changelog\n\n## 1.0.0\n\n- first\n');
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
  return repo;
}

/**
 * Milliseconds from spawn of `node <args>` to its first output byte (or, with `until`, to the
 * first output containing it); the child is stopped right after.
 */
function firstByteMs(args: string[], env: NodeJS.ProcessEnv, cwd: string, until?: string): Promise<number> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child: ChildProcess = spawn(process.execPath, args, {
      env,
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`no output from node ${args.join(' ')} within 30 s`));
    }, 30_000);
    let seen = false;
    let output = '';
    const first = (chunk: Buffer) => {
      output += chunk.toString();
      if (seen || (until !== undefined && !output.includes(until))) return;
      seen = true;
      const elapsed = performance.now() - started;
      clearTimeout(timer);
      child.once('exit', () => done(elapsed));
      child.kill('SIGKILL');
    };
    child.stdout?.on('data', first);
    child.stderr?.on('data', first);
    child.once('error', fail);
  });
}

/**
 * The median of each measurement over `runs` rounds, one of each per round: a burst of load on this
 * noisy machine then slows every kind alike instead of one kind's whole batch.
 */
async function interleavedMedians<K extends string>(
  runs: number,
  measures: Record<K, () => Promise<number>>,
): Promise<Record<K, number>> {
  const kinds = Object.keys(measures) as K[];
  const values = Object.fromEntries(kinds.map((kind) => [kind, [] as number[]])) as Record<K, number[]>;
  for (let run = 0; run < runs; run++) for (const kind of kinds) values[kind].push(await measures[kind]());
  return Object.fromEntries(kinds.map((kind) => [kind, median(values[kind])])) as Record<K, number>;
}

/** What the app server needs to start: a throwaway key, a port the OS picks, no GitHub call before it listens. */
function serverEnv(): NodeJS.ProcessEnv {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    APP_ID: '1',
    PRIVATE_KEY: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    WEBHOOK_SECRET: 'bench-webhook-secret',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Runs the Action to completion and returns its wall time and the `results` output. */
function runToEnd(
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<{ wallMs: number; durations: number[]; byCheck: Record<string, number> }> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, [DIST], { env, cwd, stdio: ['ignore', 'ignore', 'inherit'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), 600_000);
    child.once('error', fail);
    child.once('exit', () => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      const output = readFileSync(env.GITHUB_OUTPUT ?? '', 'utf8');
      const match = /^results<<(.+)\n([\s\S]*?)\n\1$/m.exec(output);
      if (!match?.[2]) return fail(new Error('the Action set no results output'));
      const report = JSON.parse(match[2]) as { results: Array<{ check: string; durationMs?: number }> };
      const byCheck: Record<string, number> = {};
      for (const result of report.results) {
        byCheck[result.check] = Math.max(byCheck[result.check] ?? 0, result.durationMs ?? 0);
      }
      done({ wallMs, durations: report.results.map((result) => result.durationMs ?? 0), byCheck });
    });
  });
}

/**
 * Cold start: spawn → first output byte of the built dist/index.js and dist/server.js beside a bare
 * `node` start, each the median of 10 interleaved runs in the same process (issue 21: the Action at
 * most 4× bare); and spawn → the Action's line naming its job (inputs validated).
 * Parallelism: the Action's wall time over the slowest single check's durationMs for a full
 * pre-merge run on examples/restaurant-os (build command and target start included in the wall time).
 */
export async function benchAction(): Promise<{
  bare_node_start_ms: number;
  action_cold_start_ms: number;
  action_cold_start_ratio: number;
  action_job_announced_ms: number;
  action_job_announced_ratio: number;
  server_cold_start_ms: number;
  server_cold_start_ratio: number;
  checks_parallel_ratio: number;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'shipgate-action-bench-'));
  try {
    const repo = tinyRepo(dir);
    // the same run, interleaved, so the ratios hold on a noisy machine
    const serverStartEnv = serverEnv();
    // As on a runner, where `github-token` always holds the job's token (a dummy here: the process
    // is stopped at its first output, and with no repository nothing could be published anyway).
    const runnerEnv = () => ({
      ...actionEnv(dir, repo, 'changelog'),
      'INPUT_GITHUB-TOKEN': 'ghs_benchColdStartToken',
    });
    const { bare, action, announced, server } = await interleavedMedians(COLD_RUNS, {
      bare: () => firstByteMs(['-e', "process.stdout.write('x')"], {}, dir),
      // the runner's first line: the masks
      action: () => firstByteMs([DIST], runnerEnv(), repo),
      // inputs validated and the job said, before its code loads
      announced: () => firstByteMs([DIST], runnerEnv(), repo, 'checks in'),
      server: () => firstByteMs([SERVER], serverStartEnv, dir),
    });
    const full = await runToEnd(actionEnv(dir, EXAMPLE, ''), EXAMPLE);
    const slowest = Math.max(1, ...full.durations);
    process.stderr.write(
      `bench: action wall ${Math.round(full.wallMs)} ms, ${full.durations.length} items, slowest check ${slowest} ms; slowest per check: ${JSON.stringify(full.byCheck)}\n`,
    );
    const ratio = (value: number) => Math.round((value / bare) * 10) / 10;
    return {
      bare_node_start_ms: Math.round(bare),
      action_cold_start_ms: Math.round(action),
      action_cold_start_ratio: ratio(action),
      action_job_announced_ms: Math.round(announced),
      action_job_announced_ratio: ratio(announced),
      server_cold_start_ms: Math.round(server),
      server_cold_start_ratio: ratio(server),
      checks_parallel_ratio: Math.round((full.wallMs / slowest) * 100) / 100,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
