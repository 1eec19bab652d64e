import { type ChildProcess, spawn } from 'node:child_process';

export interface ChildServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Runs a Node script in a child process (so its RSS is separate from jest's) and waits for it to print
 * `PORT <n>` on stdout. Bounded: rejects after 10 s.
 */
export function startChildServer(script: string): Promise<ChildServer> {
  const child: ChildProcess = spawn(process.execPath, ['--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error('child server did not start within 10 s'));
    }, 10_000);
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = /PORT (\d+)/.exec(buffered);
      if (match && child.pid !== undefined) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${match[1]}/`, pid: child.pid, stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`child server exited with ${code}`));
    });
  });
}
