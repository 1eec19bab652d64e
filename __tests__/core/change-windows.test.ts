import { describe, expect, test } from '@jest/globals';
import {
  evaluateChangeWindow,
  freezeUntil,
  parseAllowRule,
  type WindowsConfig,
  windowLine,
} from '../../src/core/windows/change-windows.js';

const berlin: WindowsConfig = {
  timezone: 'Europe/Berlin',
  allow: ['Mon-Thu 09:00-16:00'],
  freezes: [{ from: '2026-12-20', to: '2027-01-04', reason: 'holiday freeze' }],
};
const newYork: WindowsConfig = { timezone: 'America/New_York', allow: ['Mon-Fri 10:00-15:00'], freezes: [] };
const overnight: WindowsConfig = { timezone: 'Europe/London', allow: ['Sat 22:00-02:00'], freezes: [] };
const nightly: WindowsConfig = { timezone: 'Europe/Berlin', allow: ['daily 02:00-03:00'], freezes: [] };

// now (UTC) → open?, next opening (UTC) when closed
const cases: Array<[string, WindowsConfig, string, boolean, string | undefined]> = [
  // Berlin in winter is UTC+1: Monday 09:00 local = 08:00Z
  ['Berlin winter, Monday 08:59 local', berlin, '2026-12-07T07:59:00Z', false, '2026-12-07T08:00:00.000Z'],
  ['Berlin winter, Monday 09:00 local', berlin, '2026-12-07T08:00:00Z', true, undefined],
  ['Berlin winter, Thursday 15:59 local', berlin, '2026-12-10T14:59:00Z', true, undefined],
  [
    'Berlin winter, Thursday 16:00 local → Monday',
    berlin,
    '2026-12-10T15:00:00Z',
    false,
    '2026-12-14T08:00:00.000Z',
  ],
  ['Berlin Friday 11:00 → Monday 09:00', berlin, '2026-12-11T10:00:00Z', false, '2026-12-14T08:00:00.000Z'],
  // the holiday freeze (dates in the zone, `to` included) ends Tue 2027-01-05 00:00 local, a Tuesday
  ['Berlin holiday freeze on a Tuesday', berlin, '2026-12-22T10:00:00Z', false, '2027-01-05T08:00:00.000Z'],
  [
    'Berlin freeze starts at local midnight',
    berlin,
    '2026-12-19T23:00:00Z',
    false,
    '2027-01-05T08:00:00.000Z',
  ],
  // summer time: Berlin is UTC+2, Monday 09:00 local = 07:00Z
  ['Berlin summer, Monday 09:00 local', berlin, '2026-06-01T07:00:00Z', true, undefined],
  ['Berlin summer, Monday 08:30 local', berlin, '2026-06-01T06:30:00Z', false, '2026-06-01T07:00:00.000Z'],
  // last Sunday of March 2026 (29th): clocks go 02:00 → 03:00; Monday 30th opens at 07:00Z
  ['Berlin, Sunday of the spring change', berlin, '2026-03-29T12:00:00Z', false, '2026-03-30T07:00:00.000Z'],
  // last Sunday of October 2026 (25th): clocks go 03:00 → 02:00; Monday 26th opens at 08:00Z
  ['Berlin, Sunday of the autumn change', berlin, '2026-10-25T12:00:00Z', false, '2026-10-26T08:00:00.000Z'],
  ['Berlin, Thursday before the autumn change, 15:30 CEST', berlin, '2026-10-22T13:30:00Z', true, undefined],
  // 02:00-03:00 does not exist on the spring-forward night (both ends are 03:00 CEST): no window
  // that night; the next is Monday 02:00 CEST = 00:00Z
  [
    'Berlin 02:00 window on the spring change',
    nightly,
    '2026-03-28T23:00:00Z',
    false,
    '2026-03-30T00:00:00.000Z',
  ],
  // on the autumn night 02:00-03:00 happens twice; the window opens at the first 02:00 (CEST, 00:00Z)
  ['Berlin 02:00 window on the autumn change', nightly, '2026-10-25T00:30:00Z', true, undefined],
  // New York: EST is UTC-5, EDT UTC-4 (second Sunday of March 2026 = 8th)
  ['New York EST Friday 10:00', newYork, '2026-03-06T15:00:00Z', true, undefined],
  [
    'New York EST Friday 15:00 → Monday EDT',
    newYork,
    '2026-03-06T20:00:00Z',
    false,
    '2026-03-09T14:00:00.000Z',
  ],
  ['New York EDT Monday 09:59', newYork, '2026-03-09T13:59:00Z', false, '2026-03-09T14:00:00.000Z'],
  // a window crossing midnight: Sat 22:00 → Sun 02:00 London
  ['London overnight window, Sunday 01:30', overnight, '2026-07-05T00:30:00Z', true, undefined],
  ['London overnight window, Saturday 23:00 BST', overnight, '2026-07-04T22:00:00Z', true, undefined],
  [
    'London overnight window, Sunday 02:00 closed',
    overnight,
    '2026-07-05T01:00:00Z',
    false,
    '2026-07-11T21:00:00.000Z',
  ],
  ['London overnight in winter (GMT)', overnight, '2026-12-05T21:59:00Z', false, '2026-12-05T22:00:00.000Z'],
];

describe('change windows across zones and daylight-saving changes', () => {
  test.each(cases)('%s', (_name, config, now, open, opensAt) => {
    const verdict = evaluateChangeWindow({ windows: config, nowIso: now });
    expect(verdict.open).toBe(open);
    if (!verdict.open) expect(verdict.opensAt).toBe(opensAt);
  });
});

test('no windows configured: always open; a command freeze closes until its end', () => {
  expect(evaluateChangeWindow({ nowIso: '2026-12-07T03:00:00Z' }).open).toBe(true);
  const verdict = evaluateChangeWindow({
    nowIso: '2026-12-07T03:00:00Z',
    freeze: { until: '2026-12-07T05:00:00Z', reason: 'incident 42', by: 'erin', at: '2026-12-07T02:00:00Z' },
  });
  expect(verdict).toMatchObject({ open: false, opensAt: '2026-12-07T05:00:00.000Z' });
  expect(windowLine(verdict)).toBe('change freeze: incident 42 (by @erin); opens Mon 2026-12-07 05:00 UTC');
});

test('the pending line names the window and the next opening in the zone', () => {
  const verdict = evaluateChangeWindow({ windows: berlin, nowIso: '2026-12-11T10:00:00Z' });
  expect(windowLine(verdict)).toBe(
    'outside the change window (Mon-Thu 09:00-16:00 Europe/Berlin); opens Mon 2026-12-14 09:00 GMT+1',
  );
});

test.each([
  ['Mon-Thu 09:00-16:00', [1, 2, 3, 4], 540, 960],
  ['Fri-Mon 22:00-02:00', [5, 6, 7, 1], 1320, 120],
  ['Mon,Wed 10:00-12:00', [1, 3], 600, 720],
  ['daily 00:00-24:00', [1, 2, 3, 4, 5, 6, 7], 0, 1440],
])('allow rule %s', (text, days, start, end) => {
  const rule = parseAllowRule(text);
  if (typeof rule === 'string') throw new Error(rule);
  expect([...rule.weekdays].sort()).toEqual([...days].sort());
  expect([rule.startMin, rule.endMin]).toEqual([start, end]);
});

test.each(['Monday 09:00', 'Mon-Xyz 09:00-10:00', 'Mon 25:00-26:00', 'Mon 09:00-09:00'])(
  'bad allow rule %s is refused with a reason',
  (text) => {
    expect(typeof parseAllowRule(text)).toBe('string');
  },
);

test.each([
  ['4h', '2026-12-07T10:00:00Z', '2026-12-07T14:00:00.000Z'],
  ['2d', '2026-12-07T10:00:00Z', '2026-12-09T10:00:00.000Z'],
  // a date: through the whole day in the zone (Berlin winter: midnight local = 23:00Z)
  ['2026-12-24', '2026-12-07T10:00:00Z', '2026-12-24T23:00:00.000Z'],
  ['2026-12-24T18:00', '2026-12-07T10:00:00Z', '2026-12-24T17:00:00.000Z'],
  // across the autumn change a day is 25 hours of wall clock
  ['1d', '2026-10-24T10:00:00Z', '2026-10-25T11:00:00.000Z'],
])('freeze until %s', (value, now, until) => {
  expect(freezeUntil(value, now, 'Europe/Berlin')).toBe(until);
});

test.each(['yesterday', '2020-01-01', '0h'])('freeze until %s is refused', (value) => {
  expect(freezeUntil(value, '2026-12-07T10:00:00Z', 'Europe/Berlin')).toBeUndefined();
});
