import { z } from 'zod';
import { defineContract } from '../contract.js';

const Params = z.object({
  /** Defaults to the target URL. */
  url: z.string().optional(),
  /** Minimum days left before expiry. */
  minDays: z.coerce.number().min(0).default(14),
  /** PEM file with a private CA (relative to the repo), replacing Node's default CA list. */
  caFile: z.string().optional(),
  timeoutMs: z.coerce.number().int().positive().max(60_000).default(10_000),
});

export const tlsContract = defineContract({
  id: 'tls',
  measures: 'app',
  proves:
    'The HTTPS certificate of the target (or `url`) is valid for its host and expires in more than `minDays` days. Skipped for plain http.',
  usesTarget: true,
  title: 'TLS certificate valid, trusted, matching and not expiring soon',
  params: Params,
});
