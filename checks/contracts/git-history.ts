import { z } from 'zod';
import { defineContract } from '../contract.js';

export const gitHistoryContract = defineContract({
  id: 'git-history',
  measures: 'repository',
  proves:
    'No commit reachable from HEAD adds a secret (the same rules as `secrets`). Does not prove a removed secret was rotated.',
  title: 'No secrets in any commit reachable from HEAD',
  params: z.object({}).strict(),
});
