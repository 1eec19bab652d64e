import { join } from 'node:path';
import { z } from 'zod';
import { lhciReadRc } from './lhci-utils.js';

const Level = z.enum(['off', 'warn', 'error']);
/** `"error"`, `["warn", {maxNumericValue: 2500}]`: an assertion as lhci reads it. */
const Assertion = z.union([
  Level,
  z.tuple([Level]),
  z.tuple([
    Level,
    z
      .object({
        minScore: z.number().optional(),
        maxNumericValue: z.number().optional(),
        maxLength: z.number().optional(),
        aggregationMethod: z.enum(['median', 'optimistic', 'pessimistic', 'median-run']).optional(),
      })
      .passthrough(),
  ]),
]);

const AssertOptions = z
  .object({
    preset: z.enum(['lighthouse:all', 'lighthouse:recommended', 'lighthouse:no-pwa']).optional(),
    assertions: z.record(z.string(), Assertion).optional(),
    aggregationMethod: z.enum(['median', 'optimistic', 'pessimistic', 'median-run']).optional(),
    matchingUrlPattern: z.string().optional(),
    budgetsFile: z.string().optional(),
  })
  .passthrough();

/** The Lighthouse settings of `ci.collect.settings` that shipgate passes on to its runs. */
const Settings = z
  .object({
    preset: z.enum(['desktop', 'perf', 'experimental']).optional(),
    onlyCategories: z.array(z.string()).optional(),
    onlyAudits: z.array(z.string()).optional(),
    skipAudits: z.array(z.string()).optional(),
    formFactor: z.enum(['mobile', 'desktop']).optional(),
    throttlingMethod: z.enum(['simulate', 'devtools', 'provided']).optional(),
    throttling: z.record(z.string(), z.number()).optional(),
    screenEmulation: z.record(z.string(), z.union([z.number(), z.boolean()])).optional(),
    emulatedUserAgent: z.union([z.string(), z.boolean()]).optional(),
    chromeFlags: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .passthrough();

const Collect = z
  .object({
    url: z.union([z.string(), z.array(z.string())]).optional(),
    numberOfRuns: z.number().int().min(1).optional(),
    settings: Settings.optional(),
    staticDistDir: z.string().optional(),
  })
  .passthrough();

const RcSchema = z
  .object({
    collect: Collect.optional(),
    assert: AssertOptions.optional(),
    assertMatrix: z.unknown().optional(),
  })
  .passthrough();

export type LhciSettings = z.infer<typeof Settings>;
export type LhciAssertOptions = z.infer<typeof AssertOptions>;

/** A team's Lighthouse CI configuration, as far as shipgate uses it. */
export interface LhciConfig {
  /** The rc file, relative to the repository (named in every summary that uses it). */
  file: string;
  /** URL paths (with search) to measure, relative to the target; empty: the target itself. */
  paths: string[];
  numberOfRuns?: number;
  /** Lighthouse flags from `collect.settings` (chromeFlags taken out). */
  flags: Record<string, unknown>;
  preset?: 'desktop' | 'perf' | 'experimental';
  chromeFlags: string[];
  /** `ci.assert` as lhci's engine takes it; undefined when the rc asserts nothing. */
  assert?: LhciAssertOptions;
  /** Settings shipgate does not apply, named in the summary instead of silently ignored. */
  ignored: string[];
}

function splitFlags(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : value.split(/\s+/)).map((flag) => flag.trim()).filter(Boolean);
}

/** The path of a collect URL (`http://localhost:3000/about?x=1` → `about?x=1`), relative to the target. */
export function collectPath(url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : new URL(url, 'http://shipgate.invalid/');
  return `${parsed.pathname}${parsed.search}`.replace(/^\//, '');
}

/**
 * Reads the rc with lhci's own reader and validates the parts shipgate uses. Throws with the
 * file name on a file lhci could not read either (an error, never a silent fallback).
 */
export function loadLhciConfig(repoDir: string, file: string): LhciConfig {
  let raw: unknown;
  try {
    raw = lhciReadRc(join(repoDir, file));
  } catch (error) {
    throw new Error(`${file}: cannot read it as lhci would: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = RcSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error).split('\n').join(' ')}`);
  const { collect = {}, assert, assertMatrix } = parsed.data;
  const { chromeFlags, preset, ...flags } = collect.settings ?? {};
  const ignored: string[] = [];
  if (assertMatrix !== undefined) ignored.push('assertMatrix');
  if (assert?.budgetsFile) ignored.push('assert.budgetsFile');
  const urls = collect.url === undefined ? [] : Array.isArray(collect.url) ? collect.url : [collect.url];
  const paths = [...new Set(urls.map(collectPath))];
  const asserts = assert && (assert.preset || Object.keys(assert.assertions ?? {}).length > 0);
  return {
    file,
    paths: paths.length === 1 && paths[0] === '' ? [] : paths,
    numberOfRuns: collect.numberOfRuns,
    flags,
    preset,
    chromeFlags: splitFlags(chromeFlags),
    assert: asserts ? assert : undefined,
    ignored,
  };
}
