import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { findContract } from '../../checks/contracts/index.js';
import {
  findServices,
  SERVICE_NAMES,
  SERVICE_PORTS,
  type ServiceNeed,
} from '../../checks/lib/detect/services.js';
import type { ItemResult } from '../core/template/model.js';

/** A service the app needs that does not answer here, and the errored items that wait on it. */
export interface MissingService {
  need: ServiceNeed;
  address: string;
  items: ItemResult[];
}

/** The variables drivers and hosts conventionally read the service's URL from. */
const CONVENTIONAL_URLS: Record<ServiceNeed['kind'], readonly string[]> = {
  postgres: ['DATABASE_URL', 'POSTGRES_URL'],
  mysql: ['DATABASE_URL', 'MYSQL_URL'],
  redis: ['REDIS_URL'],
  mongo: ['MONGODB_URI', 'MONGODB_URL', 'MONGO_URL'],
};

/** Where the app would reach the service: its own URL variable when set, else the default local port. */
function address(need: ServiceNeed, env: Record<string, string | undefined>): { host: string; port: number } {
  for (const name of [...need.env, ...CONVENTIONAL_URLS[need.kind]]) {
    const value = env[name];
    if (!value || !URL.canParse(value)) continue;
    const url = new URL(value);
    if (url.hostname) return { host: url.hostname, port: Number(url.port) || SERVICE_PORTS[need.kind] };
  }
  return { host: '127.0.0.1', port: SERVICE_PORTS[need.kind] };
}

/** Whether something accepts TCP connections at host:port within `timeoutMs` (bounded, no retries). */
export function listening(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * The services the app needs (init's detection) that nothing answers for, with the items that
 * errored because the app or its build could not run: a missing database is one cause, said once,
 * not a dozen "target failed to start" errors. Items that judge files only never wait on it.
 */
export async function missingServices(
  repoDir: string,
  results: readonly ItemResult[],
  env: Record<string, string | undefined>,
  start?: string,
): Promise<MissingService[]> {
  const waiting = results.filter((result) => {
    if (result.status !== 'error') return false;
    const check = findContract(result.check);
    return check?.usesTarget === true || check?.usesBuild === true;
  });
  // A start command whose program is not installed (exit 127) fails whatever runs: not the services' fault.
  if (waiting.length === 0 || waiting.some((result) => missingProgramOf(result.summary))) return [];
  // Nor is a jar or binary the build never made (a Spring app on H2 fails the same way without one).
  if (missingArtifact(repoDir, start)) return [];
  const missing: MissingService[] = [];
  for (const need of findServices(repoDir)) {
    const { host, port } = address(need, env);
    if (!(await listening(host, port))) missing.push({ need, address: `${host}:${port}`, items: waiting });
  }
  return missing;
}

/**
 * The file a start command runs (`java -jar target/app.jar`, `./bin/server`) when it is not there:
 * the build did not produce it, whatever else the app needs. A command that builds it first
 * (`go build -o bin/app . && ./bin/app`) is not judged here: its own failure says why.
 */
export function missingArtifact(repoDir: string, start: string | undefined): string | undefined {
  if (!start || /&&|;|\|\|/.test(start)) return undefined;
  const file = /^\s*java\s+(?:-\S+\s+)*-jar\s+(\S+)/.exec(start)?.[1] ?? /^\s*(\.\/\S+)/.exec(start)?.[1];
  if (!file) return undefined;
  // a glob (`build/libs/*.jar`): the folder must exist at least
  const path = /[*?[]/.test(file) ? dirname(file) : file;
  return existsSync(join(repoDir, path)) ? undefined : file;
}

/** The one line for a start command whose jar or binary the build did not produce. */
export function missingArtifactText(
  repoDir: string,
  start: string | undefined,
  buildCommand: string | undefined,
  results: readonly ItemResult[],
): string[] {
  const file = missingArtifact(repoDir, start);
  const waiting = results.filter(
    (result) => result.status === 'error' && result.summary.startsWith('target failed to start'),
  );
  if (!file || waiting.length === 0) return [];
  const build = buildCommand
    ? `build.command \`${buildCommand}\` did not produce it`
    : 'no build.command produces it';
  return [
    `${file} does not exist (${build}): ${waiting.length} item${waiting.length === 1 ? '' : 's'} that run the app wait on it (${byCheck(waiting)}).`,
  ];
}

/** `gunicorn` from `… exited with code 127: /bin/sh: 1: gunicorn: not found`. */
function missingProgramOf(summary: string): string | undefined {
  if (!/exited with code 127\b/.test(summary)) return undefined;
  // the shell's own words when the summary kept them, else the command's first program
  return (
    /(?:^|:\s)([\w./+-]+): (?:command )?not found/.exec(summary)?.[1] ??
    /target command "([\w./+-]+)/.exec(summary)?.[1] ??
    'its program'
  );
}

/** The one line for a start command whose program is not installed here, with the items that wait on it. */
export function missingProgramText(results: readonly ItemResult[]): string[] {
  const waiting = results.filter((result) => result.status === 'error' && missingProgramOf(result.summary));
  const program = waiting[0] ? missingProgramOf(waiting[0].summary) : undefined;
  if (!program) return startFailureText(results);
  return [
    `${program} is not installed here (the target command exited with 127): ${waiting.length} item${waiting.length === 1 ? '' : 's'} that run the app wait on it (${byCheck(waiting)}). Install it, or run the checks in CI, where the workflow \`shipgate init\` wrote sets up the runtime.`,
  ];
}

/** A failed build, once: every item that judges the build waits on the same failure. */
export function buildFailureText(results: readonly ItemResult[]): string[] {
  const waiting = results.filter(
    (result) => result.status === 'error' && /^build command ".*?" failed/.test(result.summary),
  );
  const cause = waiting[0]
    ? /^build command ".*?" failed \(exit [^)]*\)/.exec(waiting[0].summary)?.[0]
    : undefined;
  if (!cause || waiting.length < 2) return [];
  return [
    `The ${cause}: ${waiting.length} items that judge the build wait on it (${byCheck(waiting)}); each item's result has the build's error line.`,
  ];
}

/** Any other start failure, once: the cause is the same for every item that waits on the app. */
function startFailureText(results: readonly ItemResult[]): string[] {
  const prefix = 'target failed to start: ';
  const waiting = results.filter((result) => result.status === 'error' && result.summary.startsWith(prefix));
  if (waiting.length < 2) return [];
  // The runner keeps the first 200 characters: up to the exit code, not a cut-off traceback.
  const text = waiting[0]?.summary.slice(prefix.length) ?? '';
  const cause =
    /^.*?(?:exited with code (?:-?\d+|null)|within \d+ ms \([^)]*\))/.exec(text)?.[0] ?? text.split('\n')[0];
  return [
    `The app did not start (${cause}): ${waiting.length} items that run it wait on it (${byCheck(waiting)}); each item's result has the command's last output.`,
  ];
}

/** `health ×3, load-test ×4`: the checks of the waiting items, counted. */
function byCheck(items: readonly ItemResult[]): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.check, (counts.get(item.check) ?? 0) + 1);
  return [...counts].map(([check, count]) => (count === 1 ? check : `${check} ×${count}`)).join(', ');
}

/** The one paragraph `check` prints for the services that are missing. */
export function missingServicesText(missing: readonly MissingService[]): string[] {
  if (missing.length === 0) return [];
  const names = missing
    .map((service) => `${SERVICE_NAMES[service.need.kind]} (${service.address})`)
    .join(' and ');
  const items = missing[0]?.items ?? [];
  return [
    `${names} not reachable here: ${items.length} item${items.length === 1 ? '' : 's'} that run or build the app errored and wait on ${missing.length === 1 ? 'it' : 'them'} (${byCheck(items)}).`,
    ...missing.map(
      (service) => `  - ${SERVICE_NAMES[service.need.kind]}: the app needs it (${service.need.why})`,
    ),
    '  Start them locally (docker compose up, or a local server), or run the checks in CI, where the workflow `shipgate init` wrote provides them.',
  ];
}

/** The waiting items' summaries, prefixed with the service they wait on (the JSON and the table say it per item). */
export function markWaiting(
  results: readonly ItemResult[],
  missing: readonly MissingService[],
): ItemResult[] {
  if (missing.length === 0) return [...results];
  const waiting = new Set(missing.flatMap((service) => service.items.map((item) => item.item)));
  const names = missing.map((service) => SERVICE_NAMES[service.need.kind]).join(' and ');
  return results.map((result) =>
    waiting.has(result.item)
      ? { ...result, summary: `waits on ${names} (not reachable): ${result.summary}` }
      : result,
  );
}
