import { spawnSync } from 'node:child_process';
import { setMaxListeners } from 'node:events';
import type { Check, CheckContext, CheckOutcome } from '../../checks/check.js';
import { strictParams } from '../../checks/contract.js';
import { findCheck } from '../../checks/index.js';
import type { Config } from '../core/config/config.js';
import { notApplicableByConfig } from '../core/decide/not-applicable.js';
import { effectiveParams } from '../core/evidence/binding.js';
import type { Checklist, ChecklistItem, ItemResult, Phase } from '../core/template/model.js';
import { childEnvironment } from './child-env.js';
import { isolatedShell } from './isolate.js';
import { createMemo } from './memo.js';
import { type JobRole, runsIn } from './placement.js';
import { type StartedTarget, startTarget } from './target.js';

export interface RunChecksOptions {
  checklist: Checklist;
  config: Config;
  repoDir: string;
  phase: Phase;
  /** Restrict to these check names or item ids. */
  only?: readonly string[];
  targetUrl?: string;
  baseRef?: string;
  releaseVersion?: string;
  branch?: string;
  prTitle?: string;
  env: Record<string, string | undefined>;
  github?: CheckContext['github'];
  onStart?: (item: ChecklistItem) => void;
  onResult?: (result: ItemResult) => void;
  log?: (message: string) => void;
  signal?: AbortSignal;
  /** Look checks up elsewhere (tests); defaults to the registry. */
  resolveCheck?: (name: string) => Check<unknown> | undefined;
  /**
   * Which job of the two-job workflow this is (placement.ts): `measure` runs only what needs the
   * PR's code, `attest` only the rest and never builds or starts the PR's app. Default `single`.
   */
  job?: JobRole;
  /**
   * The build and the app get the whole `env` instead of the allow-list (child-env.ts). Only the
   * CLI sets it: on a developer's own machine `shipgate check` runs the build as `npm run build`
   * would; in the Action the environment holds the job's credentials.
   */
  inheritEnv?: boolean;
}

/** Runs every automated item of the phase: parallel with bounded concurrency, each with a timeout. */
export async function runChecks(options: RunChecksOptions): Promise<ItemResult[]> {
  const log = options.log ?? (() => {});
  const resolve = options.resolveCheck ?? findCheck;
  const job = options.job ?? 'single';
  const selected = itemsToRun(options, job, resolve);
  if (selected.length === 0) return [];
  const decided = notApplicableByConfig(options.checklist, options.config);
  const results = new Map<string, ItemResult>();
  const toRun = selected.filter((item) => {
    const reason = decided.get(item.id);
    if (reason === undefined) return true;
    const result: ItemResult = {
      item: item.id,
      text: item.text,
      check: item.check ?? '',
      params: effectiveParams(item, options.config),
      status: 'skipped',
      summary: reason,
      findings: [],
      durationMs: 0,
    };
    results.set(item.id, result);
    options.onResult?.(result);
    return false;
  });
  // Every running item listens on the caller's signal; more than 10 is expected, not a leak.
  if (options.signal) setMaxListeners(selected.length + 10, options.signal);

  // The attesting job runs no code the PR controls: no build, no app started from the PR.
  const buildProblem = job === 'attest' ? undefined : runBuild(options, log);
  let target: StartedTarget | undefined;
  let targetUrl = options.targetUrl ?? options.config.target.url;
  const targetProblem = await (async () => {
    if (job === 'attest' || options.targetUrl || !options.config.target.start || !targetUrl) return undefined;
    if (!toRun.some((item) => resolve(item.check ?? '')?.usesTarget)) return undefined;
    try {
      log(`starting target: ${options.config.target.start}`);
      target = await startTarget(
        options.config.target.start,
        options.repoDir,
        targetUrl,
        options.config.target.startTimeoutMs,
        childEnv(options, options.config.target.env),
        !options.inheritEnv,
      );
      return undefined;
    } catch (error) {
      targetUrl = undefined;
      return (error as Error).message;
    }
  })();

  const baseContext: Omit<CheckContext, 'signal' | 'timeoutMs'> = {
    repoDir: options.repoDir,
    baseRef: options.baseRef,
    buildDir: options.config.build.dir,
    targetUrl,
    targetPid: target?.pid,
    releaseVersion: options.releaseVersion,
    branch: options.branch,
    prTitle: options.prTitle,
    env: options.env,
    environment: options.config.environment,
    ...(options.config.telemetry ? { telemetry: options.config.telemetry } : {}),
    ...(options.github?.headSha ? { sha: options.github.headSha } : {}),
    github: options.github,
    memo: createMemo(),
    log,
  };

  const runOne = async (item: ChecklistItem) => {
    options.onStart?.(item);
    const result = await runItem(item, resolve, baseContext, options, targetProblem, buildProblem);
    results.set(item.id, result);
    options.onResult?.(result);
  };
  try {
    const isDisruptive = (item: ChecklistItem) => resolve(item.check ?? '')?.disruptive === true;
    const isExclusive = (item: ChecklistItem) =>
      !isDisruptive(item) && resolve(item.check ?? '')?.exclusive === true;
    await runPool(
      toRun.filter((item) => !isExclusive(item) && !isDisruptive(item)),
      options.config.concurrency,
      runOne,
    );
    // Performance measurements run alone, so parallel checks do not skew their figures.
    await runPool(toRun.filter(isExclusive), 1, runOne);
    // A rate-limit burst fills the app's limiter: it runs last and alone, so nothing else sees its 429s.
    await runPool(toRun.filter(isDisruptive), 1, runOne);
  } finally {
    await target?.stop();
  }
  return selected.map((item) => results.get(item.id)).filter((result): result is ItemResult => !!result);
}

/** The automated items of the phase that `job` runs (placement.ts), after `only`. */
export function itemsToRun(
  options: Pick<RunChecksOptions, 'checklist' | 'config' | 'phase' | 'only' | 'targetUrl'>,
  job: JobRole,
  resolve: (name: string) => Check<unknown> | undefined = findCheck,
): ChecklistItem[] {
  const facts = { startsPrApp: !options.targetUrl && !!options.config.target.start };
  return options.checklist.items.filter((item) => {
    if (item.kind !== 'auto' || item.phase !== options.phase) return false;
    if (options.only?.length && !options.only.includes(item.check ?? '') && !options.only.includes(item.id))
      return false;
    const check = resolve(item.check ?? '');
    // an unknown check errors in the job that runs everything it cannot place: attest (or single)
    return check ? runsIn(job, check, facts) : job !== 'measure';
  });
}

async function runItem(
  item: ChecklistItem,
  resolve: (name: string) => Check<unknown> | undefined,
  baseContext: Omit<CheckContext, 'signal' | 'timeoutMs'>,
  options: RunChecksOptions,
  targetProblem: string | undefined,
  buildProblem?: string,
): Promise<ItemResult> {
  const name = item.check ?? '';
  const started = performance.now();
  const finish = (outcome: CheckOutcome): ItemResult => ({
    item: item.id,
    text: item.text,
    check: name,
    params: effectiveParams(item, options.config),
    status: outcome.status,
    summary: outcome.summary,
    findings: outcome.findings ?? [],
    ...(outcome.details ? { details: outcome.details } : {}),
    ...(outcome.metrics ? { metrics: outcome.metrics } : {}),
    durationMs: Math.round(performance.now() - started),
  });
  const check = resolve(name);
  if (!check) return finish({ status: 'error', summary: `unknown check "${name}"` });
  if (buildProblem && check.usesBuild)
    return finish({ status: 'error', summary: buildProblem.slice(0, 300) });
  const { enabled: _enabled, ...overrides } = options.config.checks[name] ?? {};
  const params = strictParams(check.params).safeParse({ ...item.params, ...overrides });
  if (!params.success) {
    const issue = params.error.issues[0];
    return finish({
      status: 'error',
      summary: `bad parameter ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
    });
  }
  const timeoutMs = options.config.timeoutMs;
  const controller = new AbortController();
  // Checks fan out (a rate-limit burst, WebSocket clients), each request listening for the abort.
  setMaxListeners(1000, controller.signal);
  const timer = setTimeout(() => controller.abort(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const context: CheckContext = { ...baseContext, signal: controller.signal, timeoutMs };
    const aborted = new Promise<CheckOutcome>((resolveAbort) =>
      controller.signal.addEventListener('abort', () =>
        resolveAbort({
          status: 'error',
          summary: String((controller.signal.reason as Error)?.message ?? 'aborted'),
        }),
      ),
    );
    const outcome = await Promise.race([check.run(params.data, context), aborted]);
    // Only a check that talks to the app waits on it: a coverage skip naming target/site/jacoco is no such thing.
    if (
      outcome.status === 'skipped' &&
      targetProblem &&
      check.usesTarget &&
      /target/i.test(outcome.summary)
    ) {
      return finish({ status: 'error', summary: `target failed to start: ${targetProblem.slice(0, 200)}` });
    }
    return finish(outcome);
  } catch (error) {
    return finish({ status: 'error', summary: `check threw: ${(error as Error).message ?? String(error)}` });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  worker: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      if (item !== undefined) await worker(item);
    }
  });
  await Promise.all(lanes);
}

/** Runs config `build.command` once before the checks (e.g. the production build and test coverage). */
function runBuild(options: RunChecksOptions, log: (message: string) => void): string | undefined {
  const command = options.config.build.command;
  if (!command) return undefined;
  log(`building: ${command}`);
  const spawnOptions = {
    cwd: options.repoDir,
    encoding: 'utf8' as const,
    timeout: options.config.timeoutMs,
    stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'],
    // the PR's build script: never the job's credentials (child-env.ts), nor its ancestors' (isolate.ts)
    env: childEnv(options, options.config.build.env),
  };
  const isolated = options.inheritEnv ? undefined : isolatedShell(command);
  const result = isolated
    ? spawnSync(isolated.file, isolated.args, spawnOptions)
    : spawnSync(command, { ...spawnOptions, shell: true });
  if (result.status === 0) return undefined;
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`.trim();
  // The last error line says more than a stack frame's tail.
  const errorLine =
    output
      .split('\n')
      .find((text) => /error/i.test(text))
      ?.trim() ?? output.slice(-300);
  const problem = `build command "${command}" failed (exit ${result.status ?? result.signal}): ${errorLine}`;
  log(problem);
  return problem;
}

function childEnv(options: RunChecksOptions, declared: readonly string[]): Record<string, string> {
  if (!options.inheritEnv) return childEnvironment(options.env, declared);
  return Object.fromEntries(
    Object.entries(options.env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
