import { describe, expect, it } from 'vitest';
import { isoDate, isoDateTime, parseInstant, parseWhen } from '../../src/domain/dates.js';
import { CrmError } from '../../src/errors.js';

// Wednesday 2026-03-11, 10:30 local time.
const now = new Date(2026, 2, 11, 10, 30);
const day = (text: string) => isoDate(parseWhen(text, now, '--due').at);

describe('parseWhen', () => {
  it.each([
    ['2026-04-01', '2026-04-01'],
    ['today', '2026-03-11'],
    ['tomorrow', '2026-03-12'],
    ['yesterday', '2026-03-10'],
    ['+3d', '2026-03-14'],
    ['-2w', '2026-02-25'],
    ['+1m', '2026-04-11'],
    ['+1y', '2027-03-11'],
    ['sow', '2026-03-09'],
    ['eow', '2026-03-15'],
    ['som', '2026-03-01'],
    ['eom', '2026-03-31'],
    ['soq', '2026-01-01'],
    ['eoq', '2026-03-31'],
    ['soy', '2026-01-01'],
    ['eoy', '2026-12-31'],
    ['friday', '2026-03-13'],
    ['wed', '2026-03-11'], // the coming Wednesday is today
    ['next wednesday', '2026-03-18'],
    ['next monday', '2026-03-16'],
    ['last wednesday', '2026-03-04'],
    ['last friday', '2026-03-06'],
    ['  Tomorrow ', '2026-03-12'],
  ])('%s -> %s', (text, expected) => {
    expect(day(text)).toBe(expected);
    expect(parseWhen(text, now, '--due').hasTime).toBe(false);
  });

  it('+1m at a month end clamps to the last day', () => {
    expect(isoDate(parseWhen('+1m', new Date(2026, 0, 31), 'x').at)).toBe('2026-02-28');
  });

  it('reads times of day', () => {
    const at = parseWhen('tomorrow 14:30', now, '--at');
    expect(at.hasTime).toBe(true);
    expect(isoDateTime(at.at).slice(0, 16)).toBe('2026-03-12T14:30');
    expect(isoDateTime(parseWhen('next monday 9am', now, '--at').at).slice(0, 16)).toBe('2026-03-16T09:00');
    expect(isoDateTime(parseWhen('3pm', now, '--at').at).slice(0, 16)).toBe('2026-03-11T15:00');
    expect(isoDateTime(parseWhen('2026-03-20 08:15', now, '--at').at).slice(0, 16)).toBe('2026-03-20T08:15');
    expect(parseWhen('+2h', now, '--at').at.getHours()).toBe(12);
    expect(parseWhen('now', now, '--at').at.getTime()).toBe(now.getTime());
  });

  it('reads ISO date-times with an offset as that instant', () => {
    expect(parseWhen('2026-03-20T08:15:00Z', now, '--at').at.toISOString()).toBe('2026-03-20T08:15:00.000Z');
  });

  it.each(['', 'someday', '2026-02-30', '2026-13-01', '+3x', 'tomorrow 25:00', 'mo', '14'])('rejects %j naming the flag', (text) => {
    try {
      parseWhen(text, now, '--due');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CrmError);
      expect((e as CrmError).exitCode).toBe(2);
      expect((e as CrmError).message).toMatch(/^--due: /);
      expect((e as CrmError).hint).toContain('tomorrow');
    }
  });
});

describe('parseInstant (CRM_NOW)', () => {
  it('takes a date as local midnight and a date-time as given', () => {
    expect(isoDate(parseInstant('2026-03-15', 'CRM_NOW'))).toBe('2026-03-15');
    expect(parseInstant('2026-03-15T09:30:00Z', 'CRM_NOW').toISOString()).toBe('2026-03-15T09:30:00.000Z');
  });
  it('rejects anything else', () => {
    expect(() => parseInstant('tomorrow', 'CRM_NOW')).toThrow(/CRM_NOW/);
  });
});

describe('date-times with one-digit hours', () => {
  it('reads "2026-03-15 9:30" as a date and a time', () => {
    const at = parseWhen('2026-03-15 9:30', new Date(2026, 2, 11), '--at');
    expect([at.hasTime, at.at.getHours(), at.at.getMinutes(), isoDate(at.at)]).toEqual([true, 9, 30, '2026-03-15']);
  });
});
