import type { Finding } from '../../../src/core/template/model.js';
import { shannonEntropy } from './entropy.js';
import { wordiness } from './placeholders.js';

/**
 * Test sources and fixtures: `test/`, `tests/`, `__tests__/`, `fixtures/`, `*.test.*`, `*.spec.*`.
 * (`spec/` too: RSpec's and Jasmine's folder.)
 */
export const TEST_FIXTURE_PATH =
  /(?:^|\/)(?:tests?|__tests__|spec|__fixtures__|fixtures?)\/|(?:^|\/)[^/]+\.(?:test|spec)\.[^/]+$/i;

/**
 * Rules that judge a value by its name and shape only (`password: '…'`, `<secret>…</secret>`,
 * `postgres://user:pass@db`), not by a provider's format: in a test they are usually the
 * fixture's own credentials. Provider tokens (AWS, GitHub, private keys…) have rules of their
 * own and are never covered by this.
 */
const GENERIC_RULE_IDS = new Set([
  'generic-secret-assignment',
  'generic-secret-xml',
  'connection-string-password',
  'authorization-header',
]);

/**
 * Bits per character below which a generic value reads as a hand-written password
 * (`Password123$` ≈ 3.4, `test_password` ≈ 3.2) rather than generated key material (a random
 * 32-character token ≈ 4.7; 24 hex characters ≈ 3.9). Values mostly made of words
 * (`WrongPassword123$` ≈ 3.7) count as hand-written too.
 */
export const FIXTURE_MAX_ENTROPY = 3.7;
const FIXTURE_MAX_LENGTH = 24;

/**
 * Why a finding is a test fixture's password and not a failure, or undefined when it must fail:
 * only a generic rule's low-entropy, short value in a test path. A real-format token there fails.
 */
export function testFixtureReason(file: string, ruleId: string, secret: string): string | undefined {
  if (!TEST_FIXTURE_PATH.test(file) || !GENERIC_RULE_IDS.has(ruleId)) return undefined;
  if (secret.length > FIXTURE_MAX_LENGTH) return undefined;
  // Made of words (`WrongPassword123$`): written by a person, however its letters spread.
  if (shannonEntropy(secret) >= FIXTURE_MAX_ENTROPY && wordiness(secret) < 0.5) return undefined;
  return 'test fixture: a short low-entropy value caught by a generic rule in a test path';
}

/** The allowed test-fixture findings, listed so a reviewer sees what was let through and why. */
export function fixtureDetails(fixtures: readonly Finding[]): string {
  if (fixtures.length === 0) return '';
  const shown = fixtures
    .slice(0, 20)
    .map((f) => `\n  ${f.file}:${f.line}${f.commit ? ` (${f.commit})` : ''} ${f.message}`);
  const more = fixtures.length > 20 ? `\n  … ${fixtures.length - 20} more` : '';
  return `\nNot failures (info):${shown.join('')}${more}\nReal-format tokens (AWS, GitHub, private keys…) in test paths still fail.`;
}
