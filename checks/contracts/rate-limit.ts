import { z } from 'zod';
import { defineContract } from '../contract.js';

const Params = z.object({
  /** Relative to target.url; default: target.url itself. */
  path: z.string().optional(),
  method: z.enum(['GET', 'POST', 'HEAD']).default('GET'),
  requests: z.coerce.number().int().min(1).max(500).default(120),
  concurrency: z.coerce.number().int().min(1).max(50).default(10),
  timeoutMs: z.coerce.number().int().positive().max(30_000).default(5000),
});

export type RateLimitParams = z.infer<typeof Params>;

export const rateLimitContract = defineContract({
  id: 'rate-limit',
  measures: 'app',
  usesTarget: true,
  // The burst fills the app's limiter for a while: every other runtime check would then see 429s.
  disruptive: true,
  title: 'Rate limiting answers a burst with 429 or RateLimit headers',
  proves:
    'A burst of up to `requests` requests (`concurrency` at a time) to `path` meets a limiter: a 429, or RateLimit/X-RateLimit headers announcing a policy. Runs last and alone, after every other runtime check, since it fills the limiter. Does not prove the limit suits production traffic, nor that other routes are limited.',
  params: Params,
});
