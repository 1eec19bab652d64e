import { type ChildProcess, spawn } from 'node:child_process';
import { isolatedShell } from './isolate.js';

export interface StartedTarget {
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts the app under test (config `target.start`) and waits until `url` answers, like
 * LHCI's startServerCommand. The process group is killed on stop, so shells don't leave orphans.
 */
export async function startTarget(
  command: string,
  cwd: string,
  url: string,
  timeoutMs: number,
  /** The app's environment: an allow-list (child-env.ts), never the job's. */
  env: Record<string, string>,
  /** Run it where it cannot read its ancestors' environment (isolate.ts), when this host can. */
  isolate = false,
): Promise<StartedTarget> {
  const options = {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'] as ['ignore', 'ignore', 'pipe'],
  };
  const isolated = isolate ? isolatedShell(command) : undefined;
  const child = isolated
    ? spawn(isolated.file, isolated.args, options)
    : spawn(command, { ...options, shell: true });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = () => stopProcess(child, exited);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const state = await Promise.race([exited.then((code) => ({ code })), delay(200).then(() => undefined)]);
    if (state)
      throw new Error(
        `target command "${command}" exited with code ${state.code}: ${stderr.trim().slice(-400)}`,
      );
    if (await answers(url)) return { pid: child.pid ?? 0, stop };
  }
  await stop();
  throw new Error(`target did not answer at ${url} within ${timeoutMs} ms (started with "${command}")`);
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

async function stopProcess(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const kill = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      child.kill(signal);
    }
  };
  kill('SIGTERM');
  const done = await Promise.race([exited.then(() => true), delay(3000).then(() => false)]);
  if (!done) kill('SIGKILL');
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
