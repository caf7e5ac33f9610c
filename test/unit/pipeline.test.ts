import { describe, expect, it } from 'vitest';
import { type AgendaItem, buildAgenda } from '../../src/domain/agenda.js';
import { isStale } from '../../src/domain/deal.js';
import { nextDue, parseRepeat } from '../../src/domain/followup.js';
import { parsePeriod } from '../../src/domain/periods.js';
import type { Stage } from '../../src/domain/stage.js';

const now = new Date(2026, 2, 11, 10, 30); // Wednesday 2026-03-11

describe('parsePeriod', () => {
  it.each([
    ['today', '2026-03-11', '2026-03-11'],
    ['tomorrow', '2026-03-12', '2026-03-12'],
    ['this-week', '2026-03-09', '2026-03-15'],
    ['next-week', '2026-03-16', '2026-03-22'],
    ['this-month', '2026-03-01', '2026-03-31'],
    ['next-month', '2026-04-01', '2026-04-30'],
    ['last-month', '2026-02-01', '2026-02-28'],
    ['this-quarter', '2026-01-01', '2026-03-31'],
    ['next-quarter', '2026-04-01', '2026-06-30'],
    ['last-quarter', '2025-10-01', '2025-12-31'],
    ['this-year', '2026-01-01', '2026-12-31'],
    ['2026-Q1', '2026-01-01', '2026-03-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2025', '2025-01-01', '2025-12-31'],
    ['2026-03-01..2026-03-20', '2026-03-01', '2026-03-20'],
    ['today..+30d', '2026-03-11', '2026-04-10'],
  ])('%s', (text, from, to) => {
    expect(parsePeriod(text, now, '--closing')).toEqual({ from, to });
  });
  it('rejects nonsense and backwards spans, naming the flag', () => {
    expect(() => parsePeriod('soonish', now, '--closing')).toThrow(/^--closing: "soonish" is not a period/);
    expect(() => parsePeriod('2026-Q5', now, '--closing')).toThrow(/is not a period/);
    expect(() => parsePeriod('2026-04-01..2026-03-01', now, '--closing')).toThrow(/ends before it starts/);
  });
});

describe('repeat rules', () => {
  it.each([
    ['2w', { every: 2, unit: 'w' }], ['3d', { every: 3, unit: 'd' }], ['1m', { every: 1, unit: 'm' }],
    ['every 2 weeks', { every: 2, unit: 'w' }], ['weekly', { every: 1, unit: 'w' }], ['10 days', { every: 10, unit: 'd' }],
  ])('%s', (text, rule) => expect(parseRepeat(text, '--repeat')).toEqual(rule));
  it('rejects nonsense', () => {
    expect(() => parseRepeat('sometimes', '--repeat')).toThrow(/^--repeat: "sometimes" is not a repeat rule/);
    expect(() => parseRepeat('0w', '--repeat')).toThrow(/is not a repeat rule/);
  });

  it('schedules the next one a step after the due date, and after the day it was done', () => {
    const from = (date: string) => ({ anchor: date, due: date });
    expect(nextDue({ every: 2, unit: 'w' }, from('2026-03-12'), '2026-03-12')).toBe('2026-03-26');
    expect(nextDue({ every: 2, unit: 'w' }, from('2026-03-12'), '2026-03-10')).toBe('2026-03-26'); // done early
    expect(nextDue({ every: 1, unit: 'w' }, from('2026-03-01'), '2026-03-20')).toBe('2026-03-22'); // done late: no backlog
    expect(nextDue({ every: 1, unit: 'm' }, from('2026-01-31'), '2026-01-31')).toBe('2026-02-28');
    expect(nextDue({ every: 1, unit: 'm' }, from('2026-01-31'), '2026-03-01')).toBe('2026-03-31'); // stays on month ends
    expect(nextDue({ every: 3, unit: 'd' }, from('2026-03-11'), '2026-03-11')).toBe('2026-03-14');
  });
});

describe('stale deals', () => {
  const stage = (rottingDays: number | null, outcome: Stage['outcome'] = 'open') => ({ rottingDays, outcome }) as Stage;
  it('is stale past the rotting days since the last stage change or activity', () => {
    expect(isStale({ stage: stage(14), stageChangedAt: '2026-02-24T10:00:00Z', lastActivityAt: null }, now)).toBe(true); // 15 days
    expect(isStale({ stage: stage(14), stageChangedAt: '2026-02-25T10:00:00Z', lastActivityAt: null }, now)).toBe(false); // 14 days
    expect(isStale({ stage: stage(14), stageChangedAt: '2026-01-01T10:00:00Z', lastActivityAt: '2026-03-01T10:00:00Z' }, now)).toBe(false);
    expect(isStale({ stage: stage(null), stageChangedAt: '2020-01-01T10:00:00Z', lastActivityAt: null }, now)).toBe(false);
    expect(isStale({ stage: stage(14, 'won'), stageChangedAt: '2020-01-01T10:00:00Z', lastActivityAt: null }, now)).toBe(false);
  });
});

describe('buildAgenda', () => {
  const item = (kind: AgendaItem['kind'], id: number, date: string, time: string | null, title = `${kind} ${id}`): AgendaItem =>
    ({ kind, id, date, time, title, owner: 'a', contact: null, company: null, deal: null });
  it('groups by day in order, timed items first, and keeps only the range', () => {
    const a = buildAgenda([
      item('deal', 1, '2026-03-12', null), item('followup', 2, '2026-03-12', null), item('meeting', 3, '2026-03-12', '14:00'),
      item('followup', 4, '2026-03-12', '09:00'), item('followup', 5, '2026-03-20', null), item('followup', 6, '2026-03-11', null),
    ], [item('followup', 7, '2026-03-02', null), item('deal', 8, '2026-02-20', null)], '2026-03-09', '2026-03-15');
    expect(a.overdue.map((i) => i.id)).toEqual([8, 7]);
    expect(a.days.map((d) => [d.date, d.items.map((i) => i.id)])).toEqual([['2026-03-11', [6]], ['2026-03-12', [4, 3, 2, 1]]]);
  });
});
