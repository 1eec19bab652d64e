import type { CheckParams } from '../template/model.js';
import { APP_TRAITS, type AppProfile, type AppTrait, isAppTrait } from './app-traits.js';

/**
 * Which apps a check applies to, as data in its contract (checks/contracts/<id>.ts): what `shipgate
 * init` does with a template item bound to the check, from the traits it found in the app
 * (app-traits.ts). Reasons are printed by init; they may name `{trait}` (the trait's value),
 * `{trait.why}` (why init believes it), `{framework}`, `{stack}`, `{value}` (the parameter a
 * rule reads) and `{each}` (the value an addition is for).
 */
export interface Applicability {
  /** Rules about one of the item's parameters, checked first; the first that applies decides. */
  params?: readonly ParamRule[];
  /** Traits the check needs, in order: the first the app lacks decides. */
  needs?: readonly Need[];
  /** When kept, how the item is bound to what init found: the first that applies. */
  bind?: readonly Binding[];
  /** Items init adds beside this check's for what it found (a config file, each secret read). */
  adds?: readonly Addition[];
}

/** What becomes of an item that cannot be checked here: dropped (cannot apply) or left to a person. */
export type Unfit = 'dropped' | 'manual';

export interface Need {
  /** The trait, or traits of which any one will do. */
  trait: AppTrait | readonly AppTrait[];
  otherwise: Unfit;
  /** What init prints; default: the (first) trait's `missing` text. */
  reason?: string;
}

/** A rule keyed on one of the item's parameters (`path=/` is a page, `name` a variable the app lacks). */
export interface ParamRule {
  param: string;
  /** Applies when the parameter has this value… */
  equals?: string | number | boolean;
  /** …or when it names a value not among this trait's values (`name` not among the app's `env`). */
  notAmong?: AppTrait;
  /** Checked when the rule applies, before `becomes`. */
  needs?: readonly Need[];
  /** What the item then becomes. */
  becomes: Unfit;
  reason: string;
}

/**
 * How a kept item is bound: applies when the app has the `when` trait (if given) and every
 * placeholder in it has a value. `params` are set on the item (`{ dir: '{migrations-folder}' }`).
 */
export interface Binding {
  when?: AppTrait;
  params?: Readonly<Record<string, string>>;
  reason: string;
}

/** An item init adds beside the check's own, bound to the same check. */
export interface Addition {
  /**
   * Where: `{ each: {…} }` after each kept item of this check whose parameters include these;
   * `{ last: [ids] }` once, after the last item of this check or of those checks, kept or not.
   */
  after: { each: CheckParams } | { last: readonly string[] };
  /** Added when the app has this trait: once, or once per value of a list trait (`{each}`). */
  trait: AppTrait;
  /** Skips a value that a kept item of this check already names in this parameter. */
  unlessParam?: string;
  text: string;
  params: CheckParams;
  /** More parameters for the values that match `matches` and not `unless` (regular expressions). */
  paramsFor?: readonly { matches: string; unless?: string; params: CheckParams }[];
  reason: string;
}

/** What init does with one item. */
export type Fit =
  | { action: 'keep'; params?: CheckParams; reason: string }
  | { action: Unfit; reason: string };

const PLACEHOLDER = /\{([a-z][a-z-]*)(\.why)?\}/g;

/** The names a reason or parameter may use in `{…}`, besides the traits. */
export const PLACEHOLDER_WORDS = ['framework', 'stack', 'value', 'each'] as const;

/** Every `{…}` name in a text that is neither a trait nor one of PLACEHOLDER_WORDS (for tests and validation). */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)]
    .map((match) => `${match[1]}${match[2] ?? ''}`)
    .filter((name) => {
      const [head = '', why] = name.split('.');
      return !(isAppTrait(head) || (!why && (PLACEHOLDER_WORDS as readonly string[]).includes(head)));
    });
}

/** The text with its placeholders filled, or undefined when one has no value. */
export function fill(
  text: string,
  profile: AppProfile,
  extra: { value?: string; each?: string } = {},
): string | undefined {
  let missing = false;
  const out = text.replace(PLACEHOLDER, (_match, name: string, why?: string) => {
    const found = isAppTrait(name) ? profile.traits[name] : undefined;
    const word =
      name === 'framework' || name === 'stack'
        ? profile.words[name]
        : name === 'value' || name === 'each'
          ? extra[name]
          : undefined;
    const filled = why ? found?.why : (found?.value ?? word);
    if (filled === undefined) missing = true;
    return filled ?? '';
  });
  return missing ? undefined : out;
}

const has = (profile: AppProfile, trait: AppTrait) => profile.traits[trait] !== undefined;

/** The first need the app lacks, as what becomes of the item and why. */
export function unmetNeed(
  needs: readonly Need[],
  profile: AppProfile,
): { action: Unfit; reason: string } | undefined {
  for (const need of needs) {
    const traits: readonly AppTrait[] = typeof need.trait === 'string' ? [need.trait] : need.trait;
    if (traits.some((trait) => has(profile, trait))) continue;
    const fallback = APP_TRAITS[traits[0] ?? 'pages'].missing;
    return { action: need.otherwise, reason: (need.reason && fill(need.reason, profile)) || fallback };
  }
  return undefined;
}

function ruleApplies(rule: ParamRule, params: CheckParams, profile: AppProfile): boolean {
  const value = params[rule.param];
  if (value === undefined) return false;
  if (rule.equals !== undefined) return value === rule.equals;
  if (rule.notAmong) return !(profile.traits[rule.notAmong]?.values ?? []).includes(String(value));
  return false;
}

/** What init does with an item bound to a check with this applicability and these parameters. */
export function fitBound(
  applicability: Applicability | undefined,
  params: CheckParams,
  profile: AppProfile,
): Fit {
  for (const rule of applicability?.params ?? []) {
    if (!ruleApplies(rule, params, profile)) continue;
    const unmet = unmetNeed(rule.needs ?? [], profile);
    if (unmet) return unmet;
    const value = String(params[rule.param]);
    return { action: rule.becomes, reason: fill(rule.reason, profile, { value }) ?? rule.reason };
  }
  const unmet = unmetNeed(applicability?.needs ?? [], profile);
  if (unmet) return unmet;
  for (const binding of applicability?.bind ?? []) {
    if (binding.when && !has(profile, binding.when)) continue;
    const reason = fill(binding.reason, profile);
    const entries = Object.entries(binding.params ?? {}).map(
      ([key, text]) => [key, fill(text, profile)] as const,
    );
    if (reason === undefined || entries.some(([, value]) => value === undefined)) continue;
    const bound = Object.fromEntries(entries) as CheckParams;
    return entries.length > 0 ? { action: 'keep', params: bound, reason } : { action: 'keep', reason };
  }
  return { action: 'keep', reason: '' };
}

/** The items an addition stands for in this app: text and parameters (the check's id not included). */
export function addedItems(
  addition: Addition,
  profile: AppProfile,
  covered: ReadonlySet<string> = new Set(),
): { text: string; params: CheckParams; reason: string }[] {
  const found = profile.traits[addition.trait];
  if (!found) return [];
  const each = found.values ? found.values.filter((value) => !covered.has(value)) : [undefined];
  return each.flatMap((value) => {
    const extra = value === undefined ? {} : { each: value };
    const text = fill(addition.text, profile, extra);
    const params: CheckParams = {};
    for (const [key, raw] of Object.entries(addition.params)) {
      const filled = typeof raw === 'string' ? fill(raw, profile, extra) : raw;
      if (filled === undefined) return [];
      params[key] = filled;
    }
    for (const more of addition.paramsFor ?? []) {
      const subject = value ?? '';
      if (new RegExp(more.matches).test(subject) && !(more.unless && new RegExp(more.unless).test(subject)))
        Object.assign(params, more.params);
    }
    const reason = fill(addition.reason, profile, extra) ?? addition.reason;
    return text === undefined ? [] : [{ text, params, reason }];
  });
}
