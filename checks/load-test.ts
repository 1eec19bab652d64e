import { z } from 'zod';
import { defineCheck } from './check.js';

// Placeholder until the real check lands: it reports `error` so the gate can never pass on it.
export const loadTestCheck = defineCheck({
  id: 'load-test',
  title: 'load-test',
  params: z.object({}).loose(),
  async run() {
    return { status: 'error', summary: 'not implemented yet' };
  },
});
