import { describe, expect, it } from 'vitest';
import { nextDue, parseRepeat, repeatText, seriesOf } from '../../src/domain/followup.js';

describe('repeat rules by quarter and year', () => {
  it.each([
    ['1q', { every: 1, unit: 'q' }], ['quarterly', { every: 1, unit: 'q' }], ['every quarter', { every: 1, unit: 'q' }],
    ['every 2 quarters', { every: 2, unit: 'q' }], ['1y', { every: 1, unit: 'y' }], ['yearly', { every: 1, unit: 'y' }],
    ['annually', { every: 1, unit: 'y' }], ['every 2 years', { every: 2, unit: 'y' }], ['monthly', { every: 1, unit: 'm' }],
  ])('%s', (text, rule) => expect(parseRepeat(text, '--repeat')).toEqual(rule));

  it('writes them back the way they are typed', () => {
    expect(repeatText({ every: 1, unit: 'q' })).toBe('1q');
    expect(repeatText({ every: 2, unit: 'y' })).toBe('2y');
  });

  it('names quarters and years in the hint of a bad rule', () => {
    expect(() => parseRepeat('fortnightly-ish', '--repeat')).toThrow(expect.objectContaining({ hint: expect.stringContaining('1q, 1y') }));
  });
});

describe('nextDue: the series keeps its anchor day', () => {
  const monthly = { every: 1, unit: 'm' } as const;
  it('counts from the anchor, not from the clamped date before', () => {
    expect(nextDue(monthly, { anchor: '2026-01-31', due: '2026-01-31' }, '2026-01-31')).toBe('2026-02-28');
    expect(nextDue(monthly, { anchor: '2026-01-31', due: '2026-02-28' }, '2026-02-28')).toBe('2026-03-31');
    expect(nextDue(monthly, { anchor: '2026-01-30', due: '2026-02-28' }, '2026-02-28')).toBe('2026-03-30');
    expect(nextDue({ every: 1, unit: 'q' }, { anchor: '2025-11-30', due: '2026-02-28' }, '2026-02-28')).toBe('2026-05-30');
    expect(nextDue({ every: 1, unit: 'y' }, { anchor: '2024-02-29', due: '2027-02-28' }, '2027-02-28')).toBe('2028-02-29');
  });

  it('is after the occurrence it follows and after the day it was done, never a backlog', () => {
    // Done early (or snoozed to before its date): the next one is still after this occurrence's place.
    expect(nextDue(monthly, { anchor: '2026-03-20', due: '2026-03-20' }, '2026-03-12')).toBe('2026-04-20');
    // Done late: the first date of the series after the completion day.
    expect(nextDue(monthly, { anchor: '2026-01-31', due: '2026-02-28' }, '2026-05-02')).toBe('2026-05-31');
    expect(nextDue({ every: 2, unit: 'w' }, { anchor: '2026-03-12', due: '2026-03-12' }, '2026-03-12')).toBe('2026-03-26');
    expect(nextDue({ every: 1, unit: 'w' }, { anchor: '2026-03-01', due: '2026-03-01' }, '2026-03-20')).toBe('2026-03-22');
    expect(nextDue({ every: 3, unit: 'd' }, { anchor: '2026-03-11', due: '2026-03-11' }, '2026-03-11')).toBe('2026-03-14');
  });
});

describe('seriesOf: where a series stands after add or edit', () => {
  const rule = { every: 1, unit: 'm' } as const;
  const before = { dueDate: '2026-03-03', repeat: rule, seriesAnchor: '2026-01-31', seriesDue: '2026-02-28' };
  it('starts a series at the due date on add, on a new due date and when a repeat is added', () => {
    expect(seriesOf({ dueDate: '2026-01-31', repeat: rule })).toEqual({ seriesAnchor: '2026-01-31', seriesDue: '2026-01-31' });
    expect(seriesOf({ dueDate: '2026-03-15', repeat: rule }, before, true)).toEqual({ seriesAnchor: '2026-03-15', seriesDue: '2026-03-15' });
    expect(seriesOf({ dueDate: '2026-03-03', repeat: rule }, { ...before, repeat: null, seriesAnchor: null, seriesDue: null }, false))
      .toEqual({ seriesAnchor: '2026-03-03', seriesDue: '2026-03-03' });
  });
  it('keeps the series through other edits and a changed rule; none without a repeat', () => {
    expect(seriesOf({ dueDate: '2026-03-03', repeat: rule }, before, false)).toEqual({ seriesAnchor: '2026-01-31', seriesDue: '2026-02-28' });
    expect(seriesOf({ dueDate: '2026-03-03', repeat: { every: 1, unit: 'q' } }, before, false))
      .toEqual({ seriesAnchor: '2026-01-31', seriesDue: '2026-02-28' });
    expect(seriesOf({ dueDate: '2026-03-03', repeat: null }, before, false)).toEqual({ seriesAnchor: null, seriesDue: null });
  });
});
