import { describe, expect, it } from 'vitest';
import { type AgendaItem, agendaOf, agendaRange, rangeInstants } from '../../src/domain/agenda.js';
import { activityWindow } from '../../src/domain/reports/activity.js';

// Wednesday 2026-03-11, 10:30 local time (the tests run in UTC).
const now = new Date(2026, 2, 11, 10, 30);

describe('agenda ranges', () => {
  it('cover the day, the ISO week, the month or the year around the anchor', () => {
    expect(agendaRange('day', now)).toEqual({ from: '2026-03-11', to: '2026-03-11' });
    expect(agendaRange('week', now)).toEqual({ from: '2026-03-09', to: '2026-03-15' });
    expect(agendaRange('week', new Date(2026, 2, 15))).toEqual({ from: '2026-03-09', to: '2026-03-15' }); // a Sunday ends its week
    expect(agendaRange('month', new Date(2024, 1, 10))).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(agendaRange('year', now)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('reach from the first day\'s midnight to the midnight after the last', () => {
    expect(rangeInstants({ from: '2026-03-09', to: '2026-03-15' })).toEqual({ from: '2026-03-09T00:00:00.000Z', to: '2026-03-16T00:00:00.000Z' });
  });
});

describe('the agenda of a range', () => {
  const item = (kind: AgendaItem['kind'], id: number, date: string): AgendaItem =>
    ({ kind, id, date, time: null, title: `${kind} ${id}`, owner: 'alice', contact: null, company: null, deal: null });
  const items = [item('followup', 1, '2026-03-05'), item('meeting', 2, '2026-03-10'), item('deal', 3, '2026-03-12'),
    item('followup', 4, '2026-03-20'), item('deal', 5, '2026-03-09')];
  const week = { from: '2026-03-09', to: '2026-03-15' };

  it('lists what is overdue, then the days from today on', () => {
    const a = agendaOf(items, week, '2026-03-11', false);
    expect(a.overdue.map((i) => i.id)).toEqual([1, 5]);
    expect(a.days.map((d) => [d.date, d.items.map((i) => i.id)])).toEqual([['2026-03-12', [3]]]);
  });

  it('shows the days before today, with their meetings, when the range was asked for', () => {
    const a = agendaOf(items, week, '2026-03-11', true);
    expect(a.overdue.map((i) => i.id)).toEqual([1, 5]);
    expect(a.days.map((d) => [d.date, d.items.map((i) => i.id)])).toEqual([['2026-03-10', [2]], ['2026-03-12', [3]]]);
  });
});

describe('report activity\'s window', () => {
  it('is the eight ISO weeks ending with the as-of week, unless --since says otherwise', () => {
    // 2026-03-11 is in the week of Monday 03-09; seven weeks earlier is Monday 01-19.
    expect(activityWindow('2026-03-11', undefined)).toEqual({ from: '2026-01-19', to: '2026-03-11',
      fromInstant: '2026-01-19T00:00:00.000Z', toInstant: '2026-03-12T00:00:00.000Z' });
    expect(activityWindow('2026-03-11', '2026-03-01').from).toBe('2026-03-01');
  });
});
