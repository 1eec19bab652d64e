/** A parsed Content-Security-Policy: directive name → source list (lower-cased keywords kept quoted). */
export type CspPolicy = Map<string, string[]>;

/** Parses one or more policies (node joins repeated headers with ", "). Later duplicates are ignored, as browsers do. */
export function parseCsp(header: string): CspPolicy[] {
  return header
    .split(',')
    .map((policyText) => {
      const policy: CspPolicy = new Map();
      for (const directive of policyText.split(';')) {
        const [name, ...sources] = directive.trim().split(/\s+/);
        if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
      }
      return policy;
    })
    .filter((policy) => policy.size > 0);
}

/** The sources that govern scripts: `script-src`, falling back to `default-src`. */
export function effectiveSources(policy: CspPolicy, directive: 'script-src' | 'style-src') {
  const own = policy.get(directive);
  if (own) return { name: directive, sources: own };
  const fallback = policy.get('default-src');
  return fallback ? { name: 'default-src', sources: fallback } : undefined;
}

const WILDCARDS = new Set(['*', 'http:', 'https:', 'data:', 'blob:']);

/**
 * Problems of one source list. `'unsafe-inline'` is ignored by CSP2+ browsers when a nonce or hash is
 * present (it is only a fallback for old browsers), so it only counts without one.
 */
export function sourceProblems(directive: string, sources: readonly string[], scripts: boolean): string[] {
  const lower = sources.map((s) => s.toLowerCase());
  const hasNonceOrHash = lower.some((s) => /^'(nonce|sha256|sha384|sha512)-/.test(s));
  const problems: string[] = [];
  if (lower.includes("'unsafe-inline'") && !hasNonceOrHash)
    problems.push(`${directive} allows 'unsafe-inline'`);
  if (scripts && lower.includes("'unsafe-eval'")) problems.push(`${directive} allows 'unsafe-eval'`);
  const wild = lower.filter((s) => WILDCARDS.has(s));
  if (scripts && wild.length > 0) problems.push(`${directive} allows any source (${wild.join(' ')})`);
  return problems;
}

/** Script-injection problems of a policy: none means inline/injected scripts are blocked. */
export function scriptProblems(policy: CspPolicy): string[] {
  const script = effectiveSources(policy, 'script-src');
  if (!script) return ['no script-src or default-src directive'];
  return sourceProblems(script.name, script.sources, true);
}
