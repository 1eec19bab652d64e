import type { CheckContext } from '../../checks/check.js';
import { testContext } from './check-context.js';

/** A real CheckContext for runtime checks: in-memory memo, collected log lines, no GitHub. */
export function runtimeContext(overrides: Partial<CheckContext> = {}): CheckContext & { logs: string[] } {
  return testContext(overrides);
}
