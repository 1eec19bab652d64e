import { z } from 'zod';
import { type CheckParams, type ItemResult, isFailing, type Phase } from '../template/model.js';
import { directiveDigest } from './binding.js';

/**
 * The results the Action publishes in the `shipgate/checks` check run (output.text) and the bot
 * reads back. Versioned and validated: it crosses a process and trust boundary.
 */
export const EVIDENCE_CHECK_NAME = 'shipgate/checks';
const FENCE_START = '```json shipgate-evidence';

const FindingSchema = z.object({
  file: z.string().max(500).optional(),
  line: z.number().int().nonnegative().optional(),
  commit: z.string().max(64).optional(),
  message: z.string().max(500),
});

const ParamsSchema = z.record(z.string().max(100), z.union([z.string().max(2000), z.number(), z.boolean()]));

/** One measured result, as the measure job hands it over and as the evidence carries it. */
const MeasuredResultSchema = z.object({
  item: z.string().max(200),
  /** The check and the effective parameters it ran with, and their digest (binding.ts). */
  check: z.string().max(100),
  params: ParamsSchema,
  directive: z.string().max(100),
  status: z.enum(['pass', 'fail', 'skipped', 'error']),
  summary: z.string().max(500),
  findings: z.array(FindingSchema).max(20).default([]),
  metrics: z.record(z.string(), z.number()).optional(),
});

/**
 * How a result was obtained. `verified`: computed by the attesting job itself from the PR's files,
 * in a job that runs no code the PR controls. `reported`: measured in a job that ran the PR's code
 * (its build, its app), so the PR could have shaped it. The bot honours `verified` only from the
 * attesting workflow's identity (its ID token's `job_workflow_ref`).
 */
export const HOW = ['verified', 'reported'] as const;
export type How = (typeof HOW)[number];

export const EvidenceSchema = z.object({
  schema: z.literal('shipgate/checks@2'),
  sha: z.string().regex(/^[0-9a-f]{7,64}$/),
  phase: z.enum(['pre-merge', 'post-deploy']),
  passed: z.boolean(),
  /** `attest`: the two-job workflow's attesting job; `single`: one job that also ran the PR's code. */
  job: z.enum(['attest', 'single']),
  results: z.array(MeasuredResultSchema.extend({ how: z.enum(HOW) })).max(1000),
});

export type Evidence = z.infer<typeof EvidenceSchema>;
export type EvidenceResult = Evidence['results'][number];

/** The measure job's report (an artifact the attesting job reads as untrusted input). */
export const MeasureReportSchema = z.object({
  schema: z.literal('shipgate/measure@1'),
  sha: z.string().regex(/^[0-9a-f]{7,64}$/),
  phase: z.enum(['pre-merge', 'post-deploy']),
  results: z.array(MeasuredResultSchema).max(1000),
});
export type MeasureReport = z.infer<typeof MeasureReportSchema>;

function measured(result: ItemResult) {
  const params: CheckParams = result.params ?? {};
  return {
    item: result.item,
    check: result.check,
    params,
    directive: directiveDigest(result.check, params),
    status: result.status,
    summary: result.summary.slice(0, 500),
    findings: result.findings
      .slice(0, 20)
      .map((finding) => ({ ...finding, message: finding.message.slice(0, 500) })),
    ...(result.metrics ? { metrics: result.metrics } : {}),
  };
}

/**
 * Builds the evidence document from check results (findings capped so output.text stays small).
 * A result without `how` was measured in a job that ran the PR's code: `reported`.
 */
export function toEvidence(
  sha: string,
  phase: Phase,
  results: readonly ItemResult[],
  job: Evidence['job'] = 'single',
): Evidence {
  return {
    schema: 'shipgate/checks@2',
    sha,
    phase,
    passed: !results.some((result) => isFailing(result.status)),
    job,
    results: results.map((result) => ({
      ...measured(result),
      how: job === 'attest' ? (result.how ?? 'reported') : 'reported',
    })),
  };
}

/** The measure job's report of the results it measured. */
export function toMeasureReport(sha: string, phase: Phase, results: readonly ItemResult[]): MeasureReport {
  return { schema: 'shipgate/measure@1', sha, phase, results: results.map(measured) };
}

/** The check run's output.text: a fenced JSON block people can read and the bot can parse. */
export function formatEvidenceText(evidence: Evidence): string {
  return `${FENCE_START}\n${JSON.stringify(evidence)}\n\`\`\`\n`;
}

export type ParsedEvidence = { ok: true; evidence: Evidence } | { ok: false; error: string };

/** Reads and validates the evidence from a check run's output.text. */
export function parseEvidenceText(text: string | null | undefined): ParsedEvidence {
  const start = text?.indexOf(FENCE_START) ?? -1;
  if (!text || start < 0) return { ok: false, error: 'no shipgate evidence block in the check run output' };
  const body = text.slice(start + FENCE_START.length);
  const end = body.indexOf('\n```');
  try {
    const json: unknown = JSON.parse(end >= 0 ? body.slice(0, end) : body);
    const schema = (json as { schema?: unknown } | null)?.schema;
    if (schema === 'shipgate/checks@1')
      return {
        ok: false,
        error:
          'evidence format shipgate/checks@1 names no check or parameters per result, so it cannot be matched to the policy: update the shipgate Action',
      };
    const parsed = EvidenceSchema.safeParse(json);
    if (!parsed.success)
      return { ok: false, error: `evidence is malformed: ${parsed.error.issues[0]?.message ?? ''}` };
    return { ok: true, evidence: parsed.data };
  } catch {
    return { ok: false, error: 'evidence block is not valid JSON' };
  }
}
