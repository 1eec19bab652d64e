import { z } from 'zod';
import { defineCheck } from './check.js';

// Placeholder until the real check lands: it reports `error` so the gate can never pass on it.
export const coverageCheck = defineCheck({
  id: 'coverage',
  title: 'coverage',
  params: z.object({}).loose(),
  async run() {
    return { status: 'error', summary: 'not implemented yet' };
  },
});
