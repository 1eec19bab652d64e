import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_TEMPLATE_NAME = 'production-deployment.md';

/**
 * The built-in template ships in `templates/` next to `dist/` (npm package, Action checkout) or
 * next to `src/` (development). Walk up from this module to find it.
 */
export function defaultTemplatePath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth++) {
    const candidate = join(dir, 'templates', DEFAULT_TEMPLATE_NAME);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`built-in template templates/${DEFAULT_TEMPLATE_NAME} not found next to shipgate`);
}
