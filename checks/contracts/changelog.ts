import { z } from 'zod';
import { defineContract } from '../contract.js';

const ParamsSchema = z
  .object({
    /** Changelog path relative to the checked directory (matched case-insensitively). */
    file: z.string().min(1).default('CHANGELOG.md'),
  })
  .strict();

export const changelogContract = defineContract({
  id: 'changelog',
  measures: 'repository',
  proves: 'CHANGELOG.md has an entry for the release version. Does not prove the entry is complete.',
  title: 'CHANGELOG.md has an entry for the release version',
  params: ParamsSchema,
});
