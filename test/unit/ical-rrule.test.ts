import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { REPEAT_UNITS, type RepeatRule, seriesDate } from '../../src/domain/followup.js';
import { RDATE_YEARS, recurrence, rruleText } from '../../src/domain/ical/rrule.js';

const compact = (d: string) => d.replaceAll('-', '');

/** The dates a calendar program expands from DTSTART, RRULE and RDATE (ical.js's recurrence expansion). */
function expand(start: string, rule: RepeatRule, anchor: string, count: number): string[] {
  const { rrule, rdates } = recurrence(rule, anchor, start);
  const text = ['BEGIN:VEVENT', 'UID:x', `DTSTART;VALUE=DATE:${compact(start)}`, `RRULE:${rruleText(rrule)}`,
    ...(rdates.length ? [`RDATE;VALUE=DATE:${rdates.map(compact).join(',')}`] : []), 'END:VEVENT'].join('\r\n');
  const it = new ICAL.Event(new ICAL.Component(ICAL.parse(text))).iterator();
  const out: string[] = [];
  for (let next = it.next(); next && out.length < count; next = it.next()) out.push(next.toString());
  return out;
}

const rules = (anchor: string, ...rs: RepeatRule[]) => rs.map((r) => {
  const { rrule, rdates } = recurrence(r, anchor, anchor);
  return [rruleText(rrule), rdates.slice(0, 3)];
});

describe('repeat rules as RRULE', () => {
  it('writes FREQ and INTERVAL; a series on the 31st is BYMONTHDAY=-1, one on the 29th or 30th lists its shorter months', () => {
    expect(rules('2026-03-11', { every: 3, unit: 'd' }, { every: 2, unit: 'w' }, { every: 1, unit: 'm' }, { every: 1, unit: 'q' }, { every: 1, unit: 'y' })).toEqual([
      ['FREQ=DAILY;INTERVAL=3', []], ['FREQ=WEEKLY;INTERVAL=2', []], ['FREQ=MONTHLY;INTERVAL=1', []], ['FREQ=MONTHLY;INTERVAL=3', []],
      ['FREQ=YEARLY;INTERVAL=1', []],
    ]);
    expect([...rules('2026-01-31', { every: 1, unit: 'm' }), ...rules('2026-01-30', { every: 1, unit: 'm' }), ...rules('2025-11-29', { every: 1, unit: 'q' }),
      ...rules('2024-02-29', { every: 1, unit: 'y' })]).toEqual([
      ['FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=-1', []],
      ['FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=30', ['2026-02-28', '2027-02-28', '2028-02-29']],
      ['FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=29', ['2026-02-28', '2027-02-28', '2029-02-28']],
      ['FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=29', ['2025-02-28', '2026-02-28', '2027-02-28']],
    ]);
  });

  it('lists the last common-year Feb 28 of a Feb 29 series ten years on (found by the property below)', () => {
    const crm = Array.from({ length: 6 }, (_, k) => seriesDate('2020-02-29', { every: 2, unit: 'y' }, k));
    expect(expand('2020-02-29', { every: 2, unit: 'y' }, '2020-02-29', 6)).toEqual(crm);
    expect(crm.at(-1)).toBe('2030-02-28');
  });

  it("gives a calendar the series' dates: Jan 31, Feb 28, Mar 31; Jan 30, Feb 28, Mar 30", () => {
    expect(expand('2026-01-31', { every: 1, unit: 'm' }, '2026-01-31', 4)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    expect(expand('2026-01-30', { every: 1, unit: 'm' }, '2026-01-30', 4)).toEqual(['2026-01-30', '2026-02-28', '2026-03-30', '2026-04-30']);
    expect(expand('2026-02-28', { every: 1, unit: 'm' }, '2026-01-30', 3)).toEqual(['2026-02-28', '2026-03-30', '2026-04-30']);
  });

  it('expands, from any date of a series, to the dates crm schedules next, for ten years (ical.js recurrence expansion)', () => {
    const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const day = fc.date({ min: new Date(2020, 0, 1), max: new Date(2030, 11, 31), noInvalidDate: true }).map(iso);
    const lateInMonth = fc.tuple(fc.integer({ min: 2020, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 28, max: 31 }))
      .map(([y, m, d]) => new Date(y, m - 1, d)).filter((d) => d.getDate() >= 28).map(iso);
    const rule = fc.record({ every: fc.integer({ min: 1, max: 12 }), unit: fc.constantFrom(...REPEAT_UNITS) });
    fc.assert(fc.property(fc.oneof(day, lateInMonth), rule, fc.integer({ min: 0, max: 30 }), (anchor, r, n) => {
      const start = seriesDate(anchor, r, n);
      const until = `${Number(start.slice(0, 4)) + RDATE_YEARS}${start.slice(4)}`;
      const crm = Array.from({ length: 8 }, (_, k) => seriesDate(anchor, r, n + k)).filter((d) => d < until);
      expect(expand(start, r, anchor, crm.length)).toEqual(crm);
    }), { numRuns: 1500 });
  });
});
