/**
 * Defense in depth for the PR's build and app in a job that also holds credentials (the Action's
 * single-job mode): an allow-listed environment (child-env.ts) is not enough, because a child can
 * read its ancestors' `/proc/<pid>/environ`, where the job's OIDC request token is. Where the Action
 * runs as root on Linux (container jobs, self-hosted runners, this repository's tests), the child
 * runs in a new PID namespace with its own /proc (ancestors are invisible), with every capability
 * dropped (so it cannot unmount that /proc) and no-new-privs (no setuid escalation). util-linux's
 * `unshare` and `setpriv` do it; nothing in Node does. Elsewhere (a non-root runner with sudo) the
 * PR's code can still read the job's memory: that is why the two-job workflow runs the PR's code in
 * a job that holds no credential at all (docs/security.md).
 */
import { spawnSync } from 'node:child_process';

const UNSHARE = ['--pid', '--fork', '--mount-proc', '--kill-child', '--'];
const SETPRIV = ['setpriv', '--bounding-set=-all', '--inh-caps=-all', '--no-new-privs'];

let available: boolean | undefined;

/** True when this process can isolate children (root on Linux with util-linux; probed once). */
export function canIsolate(): boolean {
  if (available !== undefined) return available;
  available = false;
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return available;
  const probe = spawnSync('unshare', [...UNSHARE, ...SETPRIV, 'true'], { stdio: 'ignore', timeout: 5000 });
  available = probe.status === 0;
  return available;
}

/** `unshare … sh -c command` when children can be isolated here, else undefined (spawn with a shell). */
export function isolatedShell(command: string): { file: string; args: string[] } | undefined {
  if (!canIsolate()) return undefined;
  return { file: 'unshare', args: [...UNSHARE, ...SETPRIV, 'sh', '-c', command] };
}
