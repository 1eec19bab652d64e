import type { Check } from '../../checks/check.js';

/**
 * npm packages a check loads at run time that are NOT bundled into dist/index.js (see
 * docs/action.md): Lighthouse runs in a forked worker that imports it from node_modules.
 */
export const EXTERNAL_PACKAGES: Readonly<Record<string, readonly string[]>> = {
  lighthouse: ['lighthouse'],
};

/** Whether a package resolves from the Action's own location (dist/ → ../node_modules). */
export function canResolve(specifier: string): boolean {
  try {
    import.meta.resolve(specifier);
    return true;
  } catch {
    return false;
  }
}

/**
 * Wraps the check registry so a check whose package is missing next to the Action reports
 * `skipped` with the reason and the fix, instead of an error from deep inside a worker.
 */
export function toolAwareResolver(
  resolve: (name: string) => Check<unknown> | undefined,
  available: (specifier: string) => boolean = canResolve,
): (name: string) => Check<unknown> | undefined {
  return (name) => {
    const check = resolve(name);
    const missing = (EXTERNAL_PACKAGES[name] ?? []).filter((specifier) => !available(specifier));
    if (!check || missing.length === 0) return check;
    return {
      ...check,
      run: async () => ({
        status: 'skipped',
        summary: `${missing.join(', ')} not installed next to the Action: run \`npm ci --omit=dev\` in the Action's directory (docs/action.md)`,
      }),
    };
  };
}
