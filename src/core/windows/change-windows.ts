/**
 * Change windows and freezes: when a release may merge and deploy. Pure — the time is passed in —
 * and time-zone correct through luxon (IANA zones, daylight-saving gaps and overlaps), never by
 * hand-made offsets. Every reader of the gate (the `shipgate` check, the merge queue, deployment
 * protection, `/shipgate status`) gets its verdict through `releaseGates`.
 */
import { DateTime, type DurationLikeObject, IANAZone } from 'luxon';

/** `windows:` in `.github/shipgate.yml` (validated by the config schema). */
export interface WindowsConfig {
  /** IANA zone the windows and freeze dates are read in, e.g. `Europe/Berlin`. */
  timezone: string;
  /** `Mon-Thu 09:00-16:00`, `Mon,Wed 10:00-12:00`, `Fri 22:00-02:00` (crosses midnight). Empty: any time. */
  allow: readonly string[];
  /** Dates (`2026-12-20`, whole days, `to` included) or local date-times (`2026-12-20T18:00`). */
  freezes: readonly { from: string; to: string; reason: string }[];
}

/** A freeze set by `/shipgate freeze` (repository-wide; see app/pr/freeze-store.ts). */
export interface CommandFreeze {
  /** ISO instant the freeze ends. */
  until: string;
  reason: string;
  by: string;
  at: string;
}

export type WindowVerdict =
  | { open: true }
  | {
      open: false;
      /** `outside the change window (Mon-Thu 09:00-16:00 Europe/Berlin)`, `freeze: holiday freeze`. */
      reason: string;
      /** ISO instant the gate may next open (undefined: not within a year). */
      opensAt?: string;
      /** `Mon 2026-12-07 09:00 CET`: the next opening as a person in the zone reads it. */
      opensText?: string;
    };

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** One parsed `allow` rule: luxon weekdays (1 = Monday) and minutes since local midnight. */
export interface AllowRule {
  text: string;
  weekdays: ReadonlySet<number>;
  startMin: number;
  endMin: number;
}

const RULE =
  /^\s*([A-Za-z]{3}(?:\s*-\s*[A-Za-z]{3})?(?:\s*,\s*[A-Za-z]{3}(?:\s*-\s*[A-Za-z]{3})?)*|daily)\s+(\d{2}):(\d{2})\s*-\s*(\d{2}):(\d{2})\s*$/;

/** Parses an allow rule; a string is the problem (shown as a config error with its line). */
export function parseAllowRule(text: string): AllowRule | string {
  const match = RULE.exec(text);
  if (!match)
    return `expected "Mon-Thu 09:00-16:00" (days, then a local time range), got "${text.slice(0, 60)}"`;
  const [, days = '', h1 = '', m1 = '', h2 = '', m2 = ''] = match;
  const weekdays = new Set<number>();
  if (days.toLowerCase() === 'daily') for (let day = 1; day <= 7; day++) weekdays.add(day);
  for (const part of days.toLowerCase() === 'daily' ? [] : days.split(',')) {
    const [from = '', to = from] = part.split('-').map((day) => day.trim().toLowerCase());
    const start = DAYS.indexOf(from as (typeof DAYS)[number]);
    const end = DAYS.indexOf(to as (typeof DAYS)[number]);
    if (start < 0 || end < 0) return `unknown day in "${part.trim()}" (use Mon Tue Wed Thu Fri Sat Sun)`;
    // Fri-Mon wraps over the weekend
    for (let day = start; ; day = (day + 1) % 7) {
      weekdays.add(day + 1);
      if (day === end) break;
    }
  }
  const startMin = Number(h1) * 60 + Number(m1);
  const endMin = Number(h2) * 60 + Number(m2);
  if (Number(h1) > 23 || Number(m1) > 59 || Number(h2) > 24 || Number(m2) > 59 || endMin > 24 * 60)
    return `time out of range in "${text.slice(0, 60)}"`;
  if (startMin === endMin) return `empty window in "${text.slice(0, 60)}" (start equals end)`;
  return { text: text.trim(), weekdays, startMin, endMin };
}

/** True when `zone` is an IANA zone luxon (ICU) knows. */
export function isKnownZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A freeze bound in the zone: a date is a whole day (`to` included), a local date-time is exact. */
export function freezeBound(value: string, zone: string, edge: 'from' | 'to'): DateTime | undefined {
  const parsed = DateTime.fromISO(value, { zone });
  if (!parsed.isValid) return undefined;
  if (DATE_ONLY.test(value))
    return edge === 'from' ? parsed.startOf('day') : parsed.plus({ days: 1 }).startOf('day');
  return parsed;
}

interface Interval {
  start: number;
  end: number;
}

/** The windows of `rule` that start on the local day of `day` (ends may fall on the next day). */
function ruleWindowOn(rule: AllowRule, day: DateTime): Interval | undefined {
  if (!rule.weekdays.has(day.weekday)) return undefined;
  const midnight = day.startOf('day');
  const at = (minutes: number, plusDays: number) =>
    // set the wall-clock time (luxon moves a time inside a spring-forward gap to after it)
    midnight
      .plus({ days: plusDays })
      .set({ hour: Math.floor(minutes / 60) % 24, minute: minutes % 60 })
      .plus({ days: minutes === 24 * 60 ? 1 : 0 })
      .toMillis();
  const start = at(rule.startMin, 0);
  const end = rule.endMin > rule.startMin ? at(rule.endMin, 0) : at(rule.endMin, 1);
  return { start, end };
}

function freezesOf(config: WindowsConfig, command: CommandFreeze | undefined, nowMs: number) {
  const list: Array<Interval & { reason: string }> = [];
  for (const freeze of config.freezes) {
    const from = freezeBound(freeze.from, config.timezone, 'from');
    const to = freezeBound(freeze.to, config.timezone, 'to');
    if (from && to) list.push({ start: from.toMillis(), end: to.toMillis(), reason: freeze.reason });
  }
  if (command) {
    const until = Date.parse(command.until);
    if (Number.isFinite(until) && until > nowMs)
      list.push({
        start: Number.NEGATIVE_INFINITY,
        end: until,
        reason: `${command.reason} (by @${command.by})`,
      });
  }
  return list;
}

const DAY_MS = 86_400_000;

/** Whether a change may go out at `nowIso`, and if not why and when it next may. */
export function evaluateChangeWindow(input: {
  windows?: WindowsConfig;
  nowIso: string;
  freeze?: CommandFreeze;
}): WindowVerdict {
  const config: WindowsConfig = input.windows ?? { timezone: 'UTC', allow: [], freezes: [] };
  const zone = config.timezone;
  const nowMs = Date.parse(input.nowIso);
  const rules = config.allow
    .map(parseAllowRule)
    .filter((rule): rule is AllowRule => typeof rule !== 'string');
  const freezes = freezesOf(config, input.freeze, nowMs);
  const freezeAt = (ms: number) => freezes.find((freeze) => freeze.start <= ms && ms < freeze.end);
  /** The allow window containing `ms`, or the next window start after it. */
  const windowAt = (ms: number): { inside: boolean; next?: number } => {
    if (rules.length === 0) return { inside: true };
    const local = DateTime.fromMillis(ms, { zone });
    let next: number | undefined;
    for (let offset = -1; offset <= 8; offset++) {
      const day = local.plus({ days: offset });
      for (const rule of rules) {
        const window = ruleWindowOn(rule, day);
        if (!window) continue;
        if (window.start <= ms && ms < window.end) return { inside: true };
        if (window.start > ms && (next === undefined || window.start < next)) next = window.start;
      }
    }
    return next === undefined ? { inside: false } : { inside: false, next };
  };

  const frozen = freezeAt(nowMs);
  const now = windowAt(nowMs);
  if (!frozen && now.inside) return { open: true };
  const reason = frozen
    ? `change freeze: ${frozen.reason}`
    : `outside the change window (${rules.map((rule) => rule.text).join(', ')} ${zone})`;
  // walk forward: past each freeze, to each window start, until both allow
  let at = nowMs;
  for (let step = 0; step < 200 && at - nowMs < 366 * DAY_MS; step++) {
    const freeze = freezeAt(at);
    if (freeze) {
      at = freeze.end;
      continue;
    }
    const window = windowAt(at);
    if (window.inside) {
      const local = DateTime.fromMillis(at, { zone });
      return {
        open: false,
        reason,
        opensAt: new Date(at).toISOString(),
        opensText: local.toFormat('ccc yyyy-MM-dd HH:mm ZZZZ'),
      };
    }
    if (window.next === undefined) break;
    at = window.next;
  }
  return { open: false, reason };
}

/** The one-line reason for a pending gate: `outside the change window (…); opens Mon 2026-12-07 09:00 CET`. */
export function windowLine(verdict: WindowVerdict): string {
  if (verdict.open) return 'inside the change window';
  return `${verdict.reason}; ${verdict.opensText ? `opens ${verdict.opensText}` : 'no opening within a year'}`;
}

const DURATION = /^(\d{1,4})(m|min|h|d|w)$/i;
const UNITS: Record<string, keyof DurationLikeObject> = {
  m: 'minutes',
  min: 'minutes',
  h: 'hours',
  d: 'days',
  w: 'weeks',
};

/**
 * `/shipgate freeze <until|duration>`: `4h`, `2d`, `1w`, a date (`2026-12-24`: through that whole
 * day in the zone) or a local date-time (`2026-12-24T18:00`). Undefined when not understood or
 * not in the future.
 */
export function freezeUntil(value: string, nowIso: string, zone: string): string | undefined {
  const now = DateTime.fromISO(nowIso, { zone });
  const duration = DURATION.exec(value);
  let until: DateTime | undefined;
  if (duration) {
    const unit = UNITS[(duration[2] ?? '').toLowerCase()];
    if (unit) until = now.plus({ [unit]: Number(duration[1]) });
  } else {
    until = freezeBound(value, zone, 'to');
  }
  if (!until?.isValid || until.toMillis() <= now.toMillis()) return undefined;
  return until.toUTC().toISO() ?? undefined;
}

/** `2026-12-24T23:00:00.000Z` → `Thu 2026-12-24 24:00 CET`-style local text for messages. */
export function localText(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).toFormat('ccc yyyy-MM-dd HH:mm ZZZZ');
}
