import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type CheckOutcome, defineCheck } from './check.js';
import { tlsContract } from './contracts/tls.js';
import { describeError } from './lib/http/http-request.js';
import { resolveTarget } from './lib/http/http-target.js';
import { probeTls } from './lib/http/http-tls-probe.js';

const DAY_MS = 86_400_000;

/** The TLS certificate is valid now, chains to a trusted CA, matches the host, and is not about to expire. */
export const tlsCheck = defineCheck({
  ...tlsContract,
  async run(params, ctx): Promise<CheckOutcome> {
    const target = resolveTarget(ctx, undefined, params.url);
    if (!target.ok) return target.outcome;
    const { url } = target;
    if (url.protocol !== 'https:')
      return { status: 'skipped', summary: `target is not HTTPS (${url.origin})` };
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const port = Number(url.port || 443);
    let ca: string | undefined;
    if (params.caFile) {
      try {
        ca = await readFile(path.resolve(ctx.repoDir, params.caFile), 'utf8');
      } catch (error) {
        return { status: 'error', summary: `cannot read caFile ${params.caFile}: ${describeError(error)}` };
      }
    }
    let probe: Awaited<ReturnType<typeof probeTls>>;
    try {
      probe = await probeTls(host, port, { ca, timeoutMs: params.timeoutMs });
    } catch (error) {
      return { status: 'fail', summary: `TLS handshake with ${url.host} failed: ${describeError(error)}` };
    }
    const now = Date.now();
    // Whole days, rounded: a certificate issued for 5 days reads "expires in 5 days" right after issue.
    const daysLeft = Math.round((probe.validTo.getTime() - now) / DAY_MS);
    const problems: string[] = [];
    if (probe.validFrom.getTime() > now) problems.push(`not valid before ${probe.validFrom.toISOString()}`);
    if (daysLeft < 0) problems.push(`expired ${-daysLeft} days ago`);
    else if (daysLeft < params.minDays) problems.push(`expires in ${daysLeft} days (< ${params.minDays})`);
    if (probe.chainError)
      problems.push(
        `chain does not verify: ${probe.chainError}${ca ? '' : ' (set caFile for a private CA)'}`,
      );
    if (probe.hostnameError) problems.push(`hostname mismatch: ${probe.hostnameError}`);
    const details = [
      `subject ${probe.subject}, issuer ${probe.issuer}, ${probe.protocol ?? 'unknown protocol'}`,
      `valid ${probe.validFrom.toISOString()} → ${probe.validTo.toISOString()}`,
    ].join('\n');
    const metrics = { daysLeft };
    if (problems.length > 0)
      return { status: 'fail', summary: `${url.host}: ${problems.join('; ')}`, details, metrics };
    return {
      status: 'pass',
      summary: `${url.host}: trusted chain, hostname matches, expires in ${daysLeft} days (≥ ${params.minDays})`,
      details,
      metrics,
    };
  },
});
