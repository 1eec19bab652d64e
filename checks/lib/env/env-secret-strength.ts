import { shannonEntropy } from '../secrets/entropy.js';
import { FORMAT_LABEL, formatProblems, NOT_RANDOM, type SecretFormat } from '../secrets/formats.js';
import { isPlaceholder } from '../secrets/placeholders.js';

/** Default minimum length when neither the directive nor a format says otherwise. */
export const DEFAULT_MIN_LENGTH = 16;

export interface StrengthRule {
  minLength?: number;
  minEntropy: number;
  format?: SecretFormat;
}

export interface StrengthReport {
  name: string;
  ok: boolean;
  problems: string[];
  /** One clause for the summary: measured figures and thresholds. */
  description: string;
  length: number;
  entropy: number;
}

/**
 * The loopback host a connection URL names (`postgres://…@localhost:5432/app`, the value a CI job
 * gives its service containers), or undefined. Production's database is never on the machine
 * that runs the checks, so such a value passes nothing.
 */
function localService(value: string): string | undefined {
  const url = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/\s]*@)?(\[[^\]]+\]|[^:/?#\s]+)/i.exec(value.trim());
  const host = url?.[1]?.toLowerCase();
  if (!host) return undefined;
  return /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/.test(host) ? host : undefined;
}

export function assessSecret(
  name: string,
  value: string | undefined,
  rule: StrengthRule,
  now = new Date(),
): StrengthReport {
  const base = { name, length: value?.length ?? 0, entropy: value ? shannonEntropy(value) : 0 };
  if (value === undefined || value.trim() === '') {
    return { ...base, ok: false, problems: [`${name} is not set`], description: `${name} is not set` };
  }
  if (isPlaceholder(value)) {
    const problem = `${name} holds a placeholder value`;
    return { ...base, ok: false, problems: [problem], description: problem };
  }
  const random = !(rule.format && NOT_RANDOM.has(rule.format));
  const problems = rule.format ? formatProblems(name, value, rule.format, now) : [];
  const local = localService(value);
  if (local) problems.push(`${name} points at ${local}: a development or CI service, not production's`);
  const minLength = rule.minLength ?? (rule.format ? undefined : DEFAULT_MIN_LENGTH);
  if (minLength !== undefined && value.length < minLength) {
    problems.push(`${name} is ${value.length} chars < ${minLength}`);
  }
  const bits = base.entropy.toFixed(1);
  const floor = rule.minEntropy.toFixed(1);
  if (random && base.entropy < rule.minEntropy) {
    problems.push(`${name} has low entropy (${bits} bits/char < ${floor})`);
  }
  const figures = [
    rule.format ? FORMAT_LABEL[rule.format] : undefined,
    minLength !== undefined ? `${value.length} chars ≥ ${minLength}` : `${value.length} chars`,
    random ? `${bits} bits/char ≥ ${floor}` : undefined,
  ].filter(Boolean);
  return {
    ...base,
    ok: problems.length === 0,
    problems,
    description: problems.length === 0 ? `${name} set (${figures.join(', ')})` : problems.join('; '),
  };
}
