/** Fault injection (errors, rate limits, latency) and the rate-limit headers every response carries. */
import type { SimResponse } from './http.js';

export type FaultStatus = 500 | 502 | 503 | 'secondary-rate-limit' | 'primary-rate-limit';
export interface FaultRule {
  match: { method?: string; path?: string | RegExp };
  status?: FaultStatus;
  /** how many matching requests fail (default 1) */
  times?: number;
  latencyMs?: number;
  /** primary-rate-limit only: 403 (default) or 429 */
  httpStatus?: 403 | 429;
}
interface ActiveRule extends FaultRule {
  remaining: number;
}

const DOCS = 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api';
export const RATE_LIMIT = 5000;

export class Faults {
  private rules: ActiveRule[] = [];
  private baseLatencyMs = 0;
  used = 0;
  readonly resetAt = Math.floor(Date.now() / 1000) + 3600;

  inject(rule: FaultRule): void {
    this.rules.push({ ...rule, remaining: rule.times ?? 1 });
  }
  /** add latency to every response */
  latency(ms: number): void {
    this.baseLatencyMs = ms;
  }
  clear(): void {
    this.rules = [];
    this.baseLatencyMs = 0;
  }
  pending(): number {
    return this.rules.reduce((n, r) => n + r.remaining, 0);
  }

  /** Consume the first matching rule; returns latency to wait and the fault response, if any. */
  take(method: string, path: string): { latencyMs: number; response?: SimResponse } {
    const rule = this.rules.find((r) => r.remaining > 0 && matches(r, method, path));
    if (!rule) return { latencyMs: this.baseLatencyMs };
    rule.remaining -= 1;
    return {
      latencyMs: this.baseLatencyMs + (rule.latencyMs ?? 0),
      response: rule.status ? faultResponse(rule, this.resetAt) : undefined,
    };
  }

  headers(resource = 'core'): Record<string, string> {
    return {
      'x-ratelimit-limit': String(RATE_LIMIT),
      'x-ratelimit-remaining': String(Math.max(0, RATE_LIMIT - this.used)),
      'x-ratelimit-reset': String(this.resetAt),
      'x-ratelimit-used': String(this.used),
      'x-ratelimit-resource': resource,
    };
  }
}

function matches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.match.method && rule.match.method.toUpperCase() !== method) return false;
  const p = rule.match.path;
  if (p === undefined) return true;
  return typeof p === 'string' ? p === path : p.test(path);
}

function faultResponse(rule: FaultRule, resetAt: number): SimResponse {
  switch (rule.status) {
    case 'secondary-rate-limit':
      return {
        status: 403,
        headers: { 'retry-after': '1' },
        body: {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
          documentation_url: `${DOCS}#about-secondary-rate-limits`,
          status: '403',
        },
      };
    case 'primary-rate-limit':
      return {
        status: rule.httpStatus ?? 403,
        headers: {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1),
        },
        body: {
          message: `API rate limit exceeded for installation ID ${resetAt % 1000}. If you reach out to GitHub Support for help, please include the request ID.`,
          documentation_url: `${DOCS}#about-primary-rate-limits`,
          status: String(rule.httpStatus ?? 403),
        },
      };
    default:
      return { status: Number(rule.status), body: { message: 'Server Error', status: String(rule.status) } };
  }
}
