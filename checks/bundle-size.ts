import { z } from 'zod';
import { defineCheck } from './check.js';

// Placeholder until the real check lands: it reports `error` so the gate can never pass on it.
export const bundleSizeCheck = defineCheck({
  id: 'bundle-size',
  title: 'bundle-size',
  params: z.object({}).loose(),
  async run() {
    return { status: 'error', summary: 'not implemented yet' };
  },
});
