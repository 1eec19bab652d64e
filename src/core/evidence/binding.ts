/**
 * What a result was measured against: the item's check and its effective parameters (the
 * template directive's, then the config's `checks.<id>` overrides). The Action writes both into
 * every result; the bot recomputes them from the policy it holds (the default branch's config and
 * template) and refuses a result measured with anything else. Item ids come from section and text
 * only, so without this a PR that loosens `limit="80 kB"` to `"80 MB"` keeps the same id.
 */
import { createHash } from 'node:crypto';
import type { Config } from '../config/config.js';
import type { ChecklistItem, CheckParams } from '../template/model.js';

/** The directive's parameters with the config's overrides; `enabled` only switches a check off. */
export function effectiveParams(item: ChecklistItem, config: Config): CheckParams {
  const { enabled: _enabled, ...overrides } = config.checks[item.check ?? ''] ?? {};
  return { ...item.params, ...overrides };
}

/** Keys sorted, so the same parameters always give the same text (and digest). */
function canonicalParams(params: CheckParams): [string, string | number | boolean][] {
  return Object.keys(params)
    .sort()
    .map((key) => [key, params[key] as string | number | boolean]);
}

/** sha256 over the check id and its parameters: one value to compare and to record. */
export function directiveDigest(check: string, params: CheckParams): string {
  const text = JSON.stringify([check, canonicalParams(params)]);
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/** `limit="80 kB" target=main`: parameters as a person wrote them, for refusal messages. */
export function describeParams(params: CheckParams): string {
  const pairs = canonicalParams(params).map(([key, value]) =>
    typeof value === 'string' && /[\s"=]/.test(value) ? `${key}=${JSON.stringify(value)}` : `${key}=${value}`,
  );
  return pairs.length > 0 ? pairs.join(' ') : '(no parameters)';
}

/** The binding of a policy item, as the bot expects it in a result. */
export function expectedBinding(
  item: ChecklistItem,
  config: Config,
): { check: string; params: CheckParams; directive: string } {
  const check = item.check ?? '';
  const params = effectiveParams(item, config);
  return { check, params, directive: directiveDigest(check, params) };
}

/**
 * Why a result's binding differs from the policy's, or undefined when it matches: the check
 * swapped, or which parameters differ (policy value → value measured with).
 */
export function bindingMismatch(
  expected: { check: string; params: CheckParams; directive: string },
  got: { check: string; params: CheckParams; directive: string },
): string | undefined {
  if (got.check !== expected.check)
    return `measured with check ${got.check}, but the policy binds it to ${expected.check}`;
  if (directiveDigest(got.check, got.params) !== got.directive)
    return 'its directive digest does not match its own parameters';
  if (got.directive === expected.directive) return undefined;
  const keys = [...new Set([...Object.keys(expected.params), ...Object.keys(got.params)])].sort();
  const differences = keys
    .filter((key) => expected.params[key] !== got.params[key])
    .map((key) => `${key}: policy ${show(expected.params[key])}, measured with ${show(got.params[key])}`);
  return `measured with other parameters (${differences.join('; ')})`;
}

function show(value: string | number | boolean | undefined): string {
  return value === undefined ? '(unset)' : JSON.stringify(value);
}
