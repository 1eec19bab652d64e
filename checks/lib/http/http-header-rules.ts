import type { IncomingHttpHeaders } from 'node:http';
import type { CheckOutcome } from '../../check.js';
import { effectiveSources, objectProblems, parseCsp, scriptProblems, sourceProblems } from './http-csp.js';
import { headerValue } from './http-request.js';

const fail = (summary: string, details?: string): CheckOutcome => ({ status: 'fail', summary, details });
const pass = (summary: string, details?: string): CheckOutcome => ({ status: 'pass', summary, details });

function cspOf(headers: IncomingHttpHeaders) {
  const raw = headerValue(headers, 'content-security-policy');
  return raw ? { raw, policies: parseCsp(raw) } : undefined;
}

function noCsp(headers: IncomingHttpHeaders): CheckOutcome {
  const reportOnly = headerValue(headers, 'content-security-policy-report-only');
  return fail(
    'no Content-Security-Policy header',
    reportOnly
      ? 'Only Content-Security-Policy-Report-Only is set: it reports but blocks nothing.'
      : undefined,
  );
}

/**
 * CSP graded as Mozilla HTTP Observatory's published scoring grades it
 * (https://github.com/mozilla/http-observatory/blob/main/httpobs/docs/scoring.md, and MDN's
 * https://developer.mozilla.org/en-US/observatory/docs/tests_and_scoring): the test fails for
 * `'unsafe-inline'` or `data:` in script-src (or default-src without script-src), overly broad
 * sources in script-src or object-src, script-src or object-src left unrestricted
 * (csp-implemented-with-unsafe-inline, -20), `'unsafe-eval'` (csp-implemented-with-unsafe-eval, -10)
 * and scripts over http (csp-implemented-with-insecure-scheme, -20). `'unsafe-inline'` in style-src
 * alone is "csp-implemented-with-unsafe-inline-in-style-src-only", modifier 0: implemented, a pass,
 * and the summary says so.
 */
export function evaluateCsp(headers: IncomingHttpHeaders): CheckOutcome {
  const csp = cspOf(headers);
  if (!csp) return noCsp(headers);
  // With several policies every one applies, so the strictest one decides.
  const graded = csp.policies.map((policy) => {
    const style = effectiveSources(policy, 'style-src');
    return {
      problems: [...scriptProblems(policy), ...objectProblems(policy)],
      styleInline: style ? sourceProblems(style.name, style.sources, false) : [],
    };
  });
  const best = graded.reduce(
    (a, b) =>
      b.problems.length < a.problems.length ||
      (b.problems.length === a.problems.length && b.styleInline.length < a.styleInline.length)
        ? b
        : a,
    graded[0] ?? { problems: ['empty policy'], styleInline: [] },
  );
  if (best.problems.length > 0)
    return fail(`CSP weak: ${best.problems.join('; ')}`, `Content-Security-Policy: ${csp.raw}`);
  if (best.styleInline.length > 0) {
    return pass(
      `CSP restricts scripts and plugins; ${best.styleInline.join('; ')}, which Mozilla HTTP Observatory grades as implemented (csp-implemented-with-unsafe-inline-in-style-src-only, modifier 0)`,
      csp.raw,
    );
  }
  return pass('CSP restricts scripts and styles (no unsafe-inline/unsafe-eval/wildcards)', csp.raw);
}

/** XSS protection = a CSP that blocks inline and injected scripts (X-XSS-Protection is deprecated). */
export function evaluateXss(headers: IncomingHttpHeaders): CheckOutcome {
  const note =
    'X-XSS-Protection is deprecated and ignored by current browsers, so XSS protection is judged by the CSP script policy.';
  const csp = cspOf(headers);
  if (!csp)
    return { ...noCsp(headers), summary: 'no CSP, so nothing blocks injected scripts', details: note };
  const problems = csp.policies.map(scriptProblems).reduce((a, b) => (b.length < a.length ? b : a));
  if (problems.length > 0) return fail(`CSP does not block injected scripts: ${problems.join('; ')}`, note);
  return pass('CSP blocks inline and injected scripts (CSP-based XSS protection)', note);
}

/** `Strict-Transport-Security` with a long enough max-age; only required over HTTPS. */
export function evaluateHsts(headers: IncomingHttpHeaders, https: boolean, minAge: number): CheckOutcome {
  const value = headerValue(headers, 'strict-transport-security');
  if (!value) {
    if (!https) return { status: 'skipped', summary: 'HSTS applies to HTTPS only (target is plain http)' };
    return fail('no Strict-Transport-Security header');
  }
  const age = Number(/max-age\s*=\s*"?(\d+)/i.exec(value)?.[1] ?? Number.NaN);
  if (!Number.isFinite(age)) return fail(`HSTS without a valid max-age: ${value}`);
  const subdomains = /includesubdomains/i.test(value) ? ', includeSubDomains' : '';
  if (age < minAge) return fail(`HSTS max-age ${age} < ${minAge} s`, value);
  return pass(`HSTS max-age ${age} ≥ ${minAge} s${subdomains}`, value);
}

export function evaluateNosniff(headers: IncomingHttpHeaders): CheckOutcome {
  const value = headerValue(headers, 'x-content-type-options');
  if (value?.trim().toLowerCase() === 'nosniff') return pass('X-Content-Type-Options: nosniff');
  return fail(
    value ? `X-Content-Type-Options is "${value}", not nosniff` : 'no X-Content-Type-Options header',
  );
}

/** Clickjacking: X-Frame-Options DENY/SAMEORIGIN, or CSP frame-ancestors without wildcards. */
export function evaluateFrame(headers: IncomingHttpHeaders): CheckOutcome {
  const xfo = headerValue(headers, 'x-frame-options')?.trim().toUpperCase();
  const ancestors = cspOf(headers)
    ?.policies.map((p) => p.get('frame-ancestors'))
    .find(Boolean);
  if (ancestors && !ancestors.some((s) => s === '*' || s === 'http:' || s === 'https:')) {
    return pass(`CSP frame-ancestors ${ancestors.join(' ')}${xfo ? `, X-Frame-Options ${xfo}` : ''}`);
  }
  if (xfo === 'DENY' || xfo === 'SAMEORIGIN') return pass(`X-Frame-Options ${xfo}`);
  if (ancestors) return fail(`CSP frame-ancestors allows any site: ${ancestors.join(' ')}`);
  return fail(
    xfo ? `X-Frame-Options "${xfo}" is not DENY/SAMEORIGIN` : 'no X-Frame-Options and no frame-ancestors',
  );
}
