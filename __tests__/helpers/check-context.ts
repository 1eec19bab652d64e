import type { CheckContext } from '../../checks/check.js';
import { createMemo } from '../../src/runner/memo.js';

/** A real CheckContext for check tests: the runner's memo, collected log lines, no GitHub. */
export function testContext(overrides: Partial<CheckContext> = {}): CheckContext & { logs: string[] } {
  const logs: string[] = [];
  return {
    repoDir: process.cwd(),
    env: {},
    signal: new AbortController().signal,
    timeoutMs: 60_000,
    memo: createMemo(),
    log(message: string) {
      logs.push(message);
    },
    ...overrides,
    logs,
  };
}
