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

/** The sources that govern a fetch directive: its own list, falling back to `default-src`. */
export function effectiveSources(policy: CspPolicy, directive: 'script-src' | 'style-src' | 'object-src') {
  const own = policy.get(directive);
  if (own) return { name: directive, sources: own };
  const fallback = policy.get('default-src');
  return fallback ? { name: 'default-src', sources: fallback } : undefined;
}

const WILDCARDS = new Set(['*', 'http:', 'https:', 'data:', 'blob:']);
/** Sources so broad that `object-src` restricts nothing (Observatory: "overly broad sources such as https: inside object-src"). */
const BROAD = new Set(['*', 'http:', 'https:', 'data:']);

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
  // CSP3: with 'strict-dynamic' beside a nonce or hash, host and scheme sources are ignored.
  const strictDynamic = hasNonceOrHash && lower.includes("'strict-dynamic'");
  const wild = strictDynamic ? [] : lower.filter((s) => WILDCARDS.has(s));
  if (scripts && wild.length > 0) problems.push(`${directive} allows any source (${wild.join(' ')})`);
  const plainHttp = strictDynamic ? [] : lower.filter((s) => s.startsWith('http://'));
  if (scripts && plainHttp.length > 0)
    problems.push(`${directive} loads scripts over plain http (${plainHttp.join(' ')})`);
  return problems;
}

/**
 * Plugin content (`<object>`, `<embed>`) runs script too: Observatory fails a policy that does not
 * restrict `object-src` (itself or through `default-src`) or restricts it to a whole scheme.
 */
export function objectProblems(policy: CspPolicy): string[] {
  const object = effectiveSources(policy, 'object-src');
  if (!object) return ["object-src is not restricted (no object-src or default-src; set object-src 'none')"];
  const broad = object.sources.map((s) => s.toLowerCase()).filter((s) => BROAD.has(s));
  return broad.length > 0 ? [`${object.name} allows any plugin source (${broad.join(' ')})`] : [];
}

/** Script-injection problems of a policy: none means inline/injected scripts are blocked. */
export function scriptProblems(policy: CspPolicy): string[] {
  const script = effectiveSources(policy, 'script-src');
  if (!script) return ['no script-src or default-src directive'];
  return sourceProblems(script.name, script.sources, true);
}
