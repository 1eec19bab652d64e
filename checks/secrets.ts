import { z } from 'zod';
import { defineCheck } from './check.js';

// Placeholder until the real check lands: it reports `error` so the gate can never pass on it.
export const secretsCheck = defineCheck({
  id: 'secrets',
  title: 'secrets',
  params: z.object({}).loose(),
  async run() {
    return { status: 'error', summary: 'not implemented yet' };
  },
});
