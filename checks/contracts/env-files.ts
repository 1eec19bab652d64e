import { z } from 'zod';
import { defineContract } from '../contract.js';

const ParamsSchema = z
  .object({
    /** Extra env file names that may be committed (comma-separated), e.g. `.env.test`. */
    allow: z.string().default(''),
  })
  .strict();

export const envFilesContract = defineContract({
  id: 'env-files',
  measures: 'repository',
  proves:
    'No `.env*` file with values is committed, now or in history, and `.env.production` is git-ignored. Does not prove secrets are absent from other files (see `secrets`).',
  title: 'No .env files committed, now or in history; .env.production is git-ignored',
  params: ParamsSchema,
});
