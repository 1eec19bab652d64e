import assertionsModule from '@lhci/utils/src/assertions.js';
import rcModule from '@lhci/utils/src/lighthouserc.js';
import { z } from 'zod';

/*
 * @lhci/utils is CommonJS without types (declared in lhci-modules.d.ts). It is bundled into dist/:
 * esbuild follows its computed preset require (`./presets/${name}.js`) as a glob, so the Action
 * needs no node_modules for it (checked by running dist/cli.js from a directory without them).
 */

/** One assertion result of `lhci assert`'s engine (the fields shipgate reads). */
export const AssertionResultSchema = z.object({
  name: z.string(),
  auditId: z.string(),
  auditProperty: z.string().optional(),
  auditTitle: z.string().optional(),
  level: z.enum(['error', 'warn']),
  passed: z.boolean(),
  expected: z.number(),
  // NaN when the audit produced no value (lhci fails the assertion then).
  actual: z.number().or(z.nan()),
  operator: z.string(),
  values: z.array(z.number().or(z.nan())),
  url: z.string(),
  message: z.string().optional(),
});
export type AssertionResult = z.infer<typeof AssertionResultSchema>;

type GetAllAssertionResults = (options: Record<string, unknown>, lhrs: readonly unknown[]) => unknown;
type LoadRcFile = (file: string) => unknown;
type FlattenRcToConfig = (rc: unknown) => unknown;

function pick<T>(module: unknown, name: string): T {
  const value = module && typeof module === 'object' ? (module as Record<string, unknown>)[name] : undefined;
  if (typeof value !== 'function') throw new Error(`@lhci/utils has no ${name}: an incompatible version`);
  return value as T;
}

/** lhci's own engine: every assertion result (passed ones included) for the LHRs of the runs. */
export function lhciAssertionResults(
  options: Record<string, unknown>,
  lhrs: readonly unknown[],
): AssertionResult[] {
  const engine = pick<GetAllAssertionResults>(assertionsModule, 'getAllAssertionResults');
  const raw = engine({ ...options, includePassedAssertions: true }, lhrs);
  return z.array(AssertionResultSchema.passthrough()).parse(raw);
}

/** lhci's own rc reader (JSON, YAML, or a CommonJS module; `.` in keys read as `:`), flattened to `ci`. */
export function lhciReadRc(file: string): unknown {
  const rc: unknown = rcModule;
  return pick<FlattenRcToConfig>(rc, 'flattenRcToConfig')(pick<LoadRcFile>(rc, 'loadRcFile')(file));
}
