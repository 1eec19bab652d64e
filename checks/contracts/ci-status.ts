import { z } from 'zod';
import { defineContract } from '../contract.js';

const ParamsSchema = z
  .object({
    /** More check run names to ignore (comma-separated), e.g. the workflow job that runs shipgate. */
    ignore: z.string().default(''),
  })
  .strict();

export const ciStatusContract = defineContract({
  id: 'ci-status',
  measures: 'environment',
  title: 'Every other check run on the head commit succeeded',
  params: ParamsSchema,
});
