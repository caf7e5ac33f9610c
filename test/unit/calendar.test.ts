import { describe, expect, it } from 'vitest';
import { dateOf, dayNumber, daysBetween, localDate, localDay, localTime, pad2 } from '../../src/domain/calendar.js';

describe('calendar dates', () => {
  it('writes dates and times with two-digit parts', () => {
    expect([pad2(3), pad2(12), pad2(0)]).toEqual(['03', '12', '00']);
    expect(dateOf(2026, 3, 5)).toBe('2026-03-05');
    expect(localDate(new Date(2026, 0, 9, 23, 59))).toBe('2026-01-09');
    expect(localTime(new Date(2026, 0, 9, 7, 5))).toBe('07:05');
    const d = localDay('2026-03-15');
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours()]).toEqual([2026, 2, 15, 0]);
  });

  it('counts whole calendar days between dates', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-02-01')).toBe(31);
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    // 2024 is a leap year: February has a 29th.
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    // Across the last Sunday of March (a daylight-saving change in much of Europe), still whole days.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
  });
});
