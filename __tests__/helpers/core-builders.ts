import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Checklist } from '../../src/core/template/model.js';
import { type CheckSchemas, parseTemplate } from '../../src/core/template/template.js';

/** Check schemas for core tests: the real registry's names with permissive params, plus a strict one. */
export const testSchemas: CheckSchemas = new Map<string, z.ZodType<unknown>>([
  ['secrets', z.object({}).loose()],
  ['coverage', z.object({ min: z.coerce.number().min(0).max(100).default(70) }).loose()],
  ['bundle-size', z.object({ limit: z.string().regex(/^\d+(\.\d+)?\s?kB$/i) }).loose()],
]);

export const SEED_PATH = new URL('../fixtures/seed-checklist.md', import.meta.url);
export const TEMPLATE_PATH = new URL('../../templates/production-deployment.md', import.meta.url);

export function template(source: string, file = 'test.md'): Checklist {
  return parseTemplate(source, file, testSchemas);
}

/** The seed's checkbox items as `{ section path, text }`, in order. */
export function seedItems(): { text: string }[] {
  const items: { text: string }[] = [];
  let fence = false;
  for (const line of readFileSync(SEED_PATH, 'utf8').split('\n')) {
    if (line.startsWith('```')) fence = !fence;
    const match = /^\s*(?:[-*]|\d+\.)\s+\[ \]\s+(.*)$/.exec(line);
    if (!fence && match) items.push({ text: (match[1] ?? '').trimEnd() });
  }
  return items;
}

export const HEAD = 'a'.repeat(40);
export const OLD = 'b'.repeat(40);
export const SECRET = 'test-ledger-secret';
export const NOW = '2026-11-25T12:00:00.000Z';
