import { z } from 'zod';

/**
 * How a result's evidence was obtained (`verified` / `reported`), the workflow run it came from and
 * the build-pipeline files the PR changed (ledger.ts), as the two places that read a ledger back —
 * the comment's state block and the stored audit record — validate them. A field missing here is
 * stripped on read and breaks the ledger's signature.
 */
export const RESULT_PROVENANCE_FIELDS = {
  how: z.enum(['verified', 'reported']).optional(),
  run: z.object({ iat: z.number(), id: z.string().max(40), attempt: z.number().int() }).optional(),
  pipeline: z.array(z.string().max(500)).max(20).optional(),
};
