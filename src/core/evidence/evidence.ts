import { z } from 'zod';
import { type ItemResult, isFailing, type Phase } from '../template/model.js';

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

export const EvidenceSchema = z.object({
  schema: z.literal('shipgate/checks@1'),
  sha: z.string().regex(/^[0-9a-f]{7,64}$/),
  phase: z.enum(['pre-merge', 'post-deploy']),
  passed: z.boolean(),
  results: z
    .array(
      z.object({
        item: z.string().max(200),
        check: z.string().max(100),
        status: z.enum(['pass', 'fail', 'skipped', 'error']),
        summary: z.string().max(500),
        findings: z.array(FindingSchema).max(20).default([]),
        metrics: z.record(z.string(), z.number()).optional(),
      }),
    )
    .max(1000),
});

export type Evidence = z.infer<typeof EvidenceSchema>;

/** Builds the evidence document from check results (findings capped so output.text stays small). */
export function toEvidence(sha: string, phase: Phase, results: readonly ItemResult[]): Evidence {
  return {
    schema: 'shipgate/checks@1',
    sha,
    phase,
    passed: !results.some((result) => isFailing(result.status)),
    results: results.map((result) => ({
      item: result.item,
      check: result.check,
      status: result.status,
      summary: result.summary.slice(0, 500),
      findings: result.findings
        .slice(0, 20)
        .map((finding) => ({ ...finding, message: finding.message.slice(0, 500) })),
      ...(result.metrics ? { metrics: result.metrics } : {}),
    })),
  };
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
    const parsed = EvidenceSchema.safeParse(json);
    if (!parsed.success)
      return { ok: false, error: `evidence is malformed: ${parsed.error.issues[0]?.message ?? ''}` };
    return { ok: true, evidence: parsed.data };
  } catch {
    return { ok: false, error: 'evidence block is not valid JSON' };
  }
}
