/**
 * shipgate's built-in secret rules, written from each provider's documented token format (the doc
 * is cited above each rule). The list order is the report order for rules matching the same text.
 */
import { shannonEntropy } from './entropy.js';
import { GENERIC_RULES } from './generic.js';
import type { SecretRule } from './rule.js';
import { AI_RULES } from './rules-ai.js';
import { CLOUD_RULES } from './rules-cloud.js';
import { CODE_RULES } from './rules-code.js';
import { KEY_RULES } from './rules-keys.js';
import { SAAS_RULES } from './rules-saas.js';

export { GENERIC_MIN_ENTROPY, GENERIC_MIN_LENGTH } from './generic.js';
export type { RuleCandidate, SecretRule } from './rule.js';

export const SECRET_RULES: readonly SecretRule[] = [
  ...CLOUD_RULES,
  ...CODE_RULES,
  ...SAAS_RULES,
  ...AI_RULES,
  ...KEY_RULES,
  ...GENERIC_RULES,
];

/** The secret part of a match: the first named group ending in `secret` that matched, else all of it. */
export function secretOf(match: RegExpExecArray): string {
  for (const [name, value] of Object.entries(match.groups ?? {}))
    if (value !== undefined && name.endsWith('secret')) return value;
  return match[0];
}

export function entropyOk(rule: SecretRule, secret: string): boolean {
  return rule.minEntropy === undefined || shannonEntropy(secret) >= rule.minEntropy;
}
