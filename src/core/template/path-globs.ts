import picomatch from 'picomatch';

/** Limits that keep hostile globs (from a template or config) cheap to compile and match. */
export const MAX_GLOBS = 50;
export const MAX_GLOB_LENGTH = 200;
/**
 * picomatch compiles globs to backtracking regexes: `*a*a*a*a` against a long path named by a PR
 * author takes seconds (measured: 4 s for one 255-character path). Two single `*` per path
 * segment keep a 4 kB path under ~15 ms; extglobs (`+(…)`, `*(…)`) are turned off altogether.
 */
export const MAX_STARS_PER_SEGMENT = 2;

/** Tests a repository path (`src/app.ts`, forward slashes, no leading `./`) against a glob list. */
export type PathMatcher = (file: string) => boolean;

/**
 * Compiles a glob list the way GitHub Actions reads `paths:` filters: full-path globs
 * (`*.md` is the top level only, `**\/*.md` any depth), dotfiles included, and a `!glob` later in
 * the list takes back paths an earlier glob matched (order matters).
 */
export function compileGlobs(globs: readonly string[]): PathMatcher {
  // windows: false — git paths always use `/`, and it spares picomatch a look at the platform.
  const options = { dot: true, windows: false, noextglob: true };
  const rules = globs.map((glob) => {
    const negated = glob.startsWith('!');
    return { negated, test: picomatch(negated ? glob.slice(1) : glob, options) };
  });
  return (file) => {
    const path = file.replace(/^\.\//, '');
    let matched = false;
    for (const rule of rules) {
      if (rule.negated ? matched && rule.test(path) : !matched && rule.test(path)) matched = !rule.negated;
    }
    return matched;
  };
}

/** Why a glob list cannot be used, if it cannot (empty globs, too many, too long). */
export function globListProblem(globs: readonly string[]): string | undefined {
  if (globs.length === 0) return 'needs at least one glob';
  if (globs.length > MAX_GLOBS) return `at most ${MAX_GLOBS} globs`;
  for (const glob of globs) {
    const bad = globProblem(glob);
    if (bad) return bad;
  }
  return undefined;
}

/** Why one glob cannot be used, if it cannot. */
export function globProblem(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `glob longer than ${MAX_GLOB_LENGTH} characters`;
  if (glob === '' || glob === '!') return 'empty glob';
  for (const segment of glob.split('/')) {
    if (segment === '**') continue;
    const stars = segment.match(/\*+/g)?.length ?? 0;
    if (stars > MAX_STARS_PER_SEGMENT)
      return `"${glob.slice(0, 40)}" has more than ${MAX_STARS_PER_SEGMENT} * wildcards in one path segment`;
  }
  return undefined;
}

/**
 * `"src/**, db/{a,b}/**"` → `['src/**', 'db/{a,b}/**']`: splits on commas outside `{…}` so brace
 * alternatives survive, trims, drops empty entries.
 */
export function splitList(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of value) {
    if (char === '{') depth++;
    else if (char === '}' && depth > 0) depth--;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part.length > 0);
}
