/** The PR's build and app get an allow-listed environment, never the job's credentials (issue 20). */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { ConfigSchema } from '../../src/core/config/config.js';
import { childEnvironment } from '../../src/runner/child-env.js';
import { canIsolate, isolatedShell } from '../../src/runner/isolate.js';

const JOB = {
  PATH: '/usr/bin:/bin',
  HOME: '/home/runner',
  LANG: 'C.UTF-8',
  LC_ALL: 'C.UTF-8',
  CI: 'true',
  NODE_ENV: 'production',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://pipelines.example/idtoken',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token',
  ACTIONS_RUNTIME_TOKEN: 'runtime-token',
  GITHUB_TOKEN: 'ghs_job_token',
  'INPUT_GITHUB-TOKEN': 'ghs_job_token',
  'INPUT_LEDGER-SECRET': 'ledger-secret-value',
  SHIPGATE_LEDGER_SECRET: 'ledger-secret-value',
  JWT_SECRET: 'app-secret',
  DATABASE_URL: 'postgres://localhost/app',
  RANDOM: 'x',
};

describe('childEnvironment', () => {
  it.each([
    ['the allow-list only', [], ['CI', 'HOME', 'LANG', 'LC_ALL', 'NODE_ENV', 'PATH']],
    [
      'plus what the config declares',
      ['DATABASE_URL'],
      ['CI', 'DATABASE_URL', 'HOME', 'LANG', 'LC_ALL', 'NODE_ENV', 'PATH'],
    ],
    [
      'never a credential, even declared',
      ['GITHUB_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'INPUT_GITHUB-TOKEN'],
      ['CI', 'HOME', 'LANG', 'LC_ALL', 'NODE_ENV', 'PATH'],
    ],
  ])('%s', (_name, declared, names) => {
    expect(Object.keys(childEnvironment(JOB, declared)).sort()).toEqual(names);
  });

  it('a config that declares a credential for the build is an error, not a silent drop', () => {
    const parsed = ConfigSchema.safeParse({ build: { env: ['ACTIONS_ID_TOKEN_REQUEST_TOKEN'] } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('is a credential of the job');
    expect(ConfigSchema.parse({ target: { env: ['DATABASE_URL'] } }).target.env).toEqual(['DATABASE_URL']);
  });
});

describe('isolatedShell', () => {
  it('where namespaces are allowed, the child sees no ancestor and cannot unmount its /proc', () => {
    if (!canIsolate()) {
      // no namespaces on this host: the allow-list is what the child gets (docs/security.md)
      expect(isolatedShell('true')).toBeUndefined();
      return;
    }
    const command = isolatedShell(
      'ls /proc | grep -cE "^[0-9]+$"; umount /proc 2>/dev/null && echo unmounted; grep CapEff /proc/self/status',
    );
    expect(command).toBeDefined();
    const run = spawnSync(command?.file ?? '', command?.args ?? [], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    const [count, ...rest] = run.stdout.trim().split('\n');
    // only the namespace's own processes: sh, ls, grep (and setpriv's exec'd shell)
    expect(Number(count)).toBeLessThanOrEqual(4);
    expect(rest.join('\n')).not.toContain('unmounted');
    expect(rest.join('\n')).toMatch(/CapEff:\s+0+$/m);
  });
});
