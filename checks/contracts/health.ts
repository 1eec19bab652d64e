import { z } from 'zod';
import { defineContract } from '../contract.js';

const Params = z
  .object({
    path: z.string().default('/health').describe('health endpoint, relative to target.url'),
    timeoutMs: z.coerce
      .number()
      .int()
      .positive()
      .max(60_000)
      .default(5000)
      .describe('the answer must arrive within this many ms'),
    expect: z
      .string()
      .min(1)
      .optional()
      .describe('text the body must contain (e.g. `"status":"ok"`); default: any non-HTML body'),
  })
  .strict();

export const healthContract = defineContract({
  id: 'health',
  measures: 'app',
  usesTarget: true,
  title: 'Health endpoint answers 2xx in time with a health response',
  proves:
    'GET `path` answers 2xx within `timeoutMs` (redirects are not followed) with a body that is not an HTML page (a SPA fallback answers every path with index.html and 200) and does not report itself down; with `expect`, the body contains that text. Does not prove the dependencies the endpoint does not itself check.',
  params: Params,
});
