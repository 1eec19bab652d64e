/**
 * Defense in depth for the PR's build and app in a job that also holds credentials (the Action's
 * single-job mode): an allow-listed environment (child-env.ts) is not enough, because a child can
 * read its ancestors' `/proc/<pid>/environ`, where the job's OIDC request token is. On Linux, where
 * the host allows namespaces (root, or unprivileged user namespaces), the child runs in a new PID
 * namespace with its own /proc (ancestors are invisible), with every capability dropped (so it
 * cannot unmount that /proc) and no-new-privs (no sudo, no setuid escalation). util-linux's
 * `unshare` and `setpriv` do it; nothing in Node does. Where the host forbids it (Ubuntu 24.04
 * restricts unprivileged user namespaces) the PR's code can still read the job's environment and,
 * with sudo, its memory: that is why the two-job workflow runs the PR's code in a job that holds
 * no credential at all (docs/security.md).
 */
import { spawnSync } from 'node:child_process';

const UNSHARE = ['--pid', '--fork', '--mount-proc', '--kill-child'];
/** Without root: a user namespace mapping the user to itself gives the PID and mount namespaces. */
const AS_USER = ['--user', '--map-current-user'];
const SETPRIV = ['setpriv', '--bounding-set=-all', '--inh-caps=-all', '--no-new-privs'];

let prefix: string[] | null | undefined;

/** `unshare` arguments that work on this host (probed once), or null when children cannot be isolated. */
function isolationPrefix(): string[] | null {
  if (prefix !== undefined) return prefix;
  prefix = null;
  if (process.platform !== 'linux') return prefix;
  const candidates =
    process.getuid?.() === 0 ? [UNSHARE, [...AS_USER, ...UNSHARE]] : [[...AS_USER, ...UNSHARE]];
  for (const args of candidates) {
    const probe = spawnSync('unshare', [...args, '--', ...SETPRIV, 'true'], {
      stdio: 'ignore',
      timeout: 5000,
    });
    if (probe.status === 0) {
      prefix = [...args, '--', ...SETPRIV];
      break;
    }
  }
  return prefix;
}

/** True when this process can isolate children (Linux with util-linux and namespaces allowed). */
export function canIsolate(): boolean {
  return isolationPrefix() !== null;
}

/** `unshare … sh -c command` when children can be isolated here, else undefined (spawn with a shell). */
export function isolatedShell(command: string): { file: string; args: string[] } | undefined {
  const args = isolationPrefix();
  if (!args) return undefined;
  return { file: 'unshare', args: [...args, 'sh', '-c', command] };
}
