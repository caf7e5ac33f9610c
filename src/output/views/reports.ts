import { type Column, list, type Output, record, type Section } from '../view.js';

/** Views of the reports and quotas. Amounts arrive in major units of `currency`; ratios as fractions. */
type Json = Record<string, any>;

const money = (header: string, key: string, get: (r: Json) => unknown = (r) => r[key]): Column<Json> =>
  ({ header, key, value: get, type: 'money', currency: (r) => r.currency ?? r._currency });

const withCurrency = <T extends Json>(rows: T[], currency: string) => rows.map((r) => ({ ...r, _currency: currency }));

export const quotaColumns: Column<Json>[] = [
  { header: 'Owner', key: 'owner', value: (q) => q.owner },
  { header: 'Period', key: 'period', value: (q) => q.period },
  { header: 'From', key: 'from', value: (q) => q.from },
  { header: 'To', key: 'to', value: (q) => q.to },
  money('Quota', 'amount'),
];
export const quotaList = (rows: Json[]): Output => list(rows, quotaColumns, 'no quotas set');
export const quotaView = (q: Json, done?: string): Output => record(q, quotaColumns, { done });

const header: Column<Json>[] = [
  { header: 'As of', key: 'asOf', value: (r) => r.asOf },
  { header: 'Window', key: 'window', value: (r) => (r.window ? `${r.window.from} to ${r.window.to}` : null) },
  { header: 'Owner', key: 'owner', value: (r) => r.owner ?? 'everyone' },
  { header: 'Currency', key: 'currency', value: (r) => r.currency },
];

export function pipelineView(r: Json, warnings: string[]): Output {
  const total = r.stages.reduce((a: number, s: Json) => a + s.amount, 0) || 1;
  const maxShare = Math.max(...r.stages.map((s: Json) => s.amount / total), 0.0001);
  const stages = withCurrency(r.stages, r.currency);
  const sections: Section[] = [
    { title: 'Open pipeline by stage', key: 'stages', rows: () => stages, columns: [
      { header: 'Stage', key: 'stage', value: (s) => s.stage },
      { header: 'Deals', key: 'deals', value: (s) => s.deals, type: 'count' },
      money('Amount', 'amount'), money('Weighted', 'weighted'),
      { header: 'Avg age (days)', key: 'avgAgeDays', value: (s) => s.avgAgeDays },
      { header: 'Stale', key: 'stale', value: (s) => s.stale, type: 'count' },
      { header: 'Share of pipeline', key: 'share', value: (s) => s.amount / total, type: 'bar', scale: maxShare },
    ] },
    { title: 'Stage conversion (window)', key: 'conversions', rows: () => r.conversions, columns: [
      { header: 'From', key: 'from', value: (c) => c.from }, { header: 'To', key: 'to', value: (c) => c.to },
      { header: 'Entered', key: 'entered', value: (c) => c.entered, type: 'count' },
      { header: 'Moved on', key: 'movedOn', value: (c) => c.movedOn, type: 'count' },
      { header: 'Rate', key: 'rate', value: (c) => c.rate, type: 'percent' },
    ] },
  ];
  return record(r, [...header,
    { header: 'Open deals', key: 'openDeals', value: (x) => x.openDeals, type: 'count' },
    { header: 'Won / lost', key: 'won', value: (x) => `${x.won} / ${x.lost}` },
    { header: 'Win rate', key: 'winRate', value: (x) => x.winRate, type: 'percent' },
    { header: 'Sales cycle (days)', key: 'salesCycleDays', value: (x) => x.salesCycleDays },
    money('Avg won amount', 'avgWonAmount'),
    { header: 'Velocity (per day)', key: 'velocity', value: (x) => x.velocity, type: 'money', currency: (x) => x.currency },
  ], { sections, warnings });
}

const forecastColumns: Column<Json>[] = [
  { header: 'Period', key: 'period', value: (p) => p.period },
  money('Closed won', 'closedWon'), money('Commit', 'commit'), money('Best case', 'bestCase'), money('Pipeline', 'pipeline'),
  money('Weighted', 'weighted'), money('Historical', 'historical'), money('Commit fcst', 'commitForecast'),
  money('Best-case fcst', 'bestCaseForecast'), money('Quota', 'quota'),
  { header: 'Attainment', key: 'attainment', value: (p) => p.attainment, type: 'bar' },
  { header: 'Coverage', key: 'coverage', value: (p) => p.coverage, type: 'times' },
];

/** The forecast the way it is printed: one row per measure, one column per period. */
function transposed(periods: Json[], currency: string): { rows: Json[]; columns: Column<Json>[] } {
  const measures: [string, string, 'money' | 'bar' | 'coverage'][] = [
    ['quota', 'Quota', 'money'], ['closedWon', 'Closed won', 'money'], ['commit', 'Commit', 'money'], ['bestCase', 'Best case', 'money'],
    ['pipeline', 'Pipeline', 'money'], ['commitForecast', 'Commit forecast', 'money'], ['bestCaseForecast', 'Best-case forecast', 'money'],
    ['openPipeline', 'Open pipeline', 'money'], ['weighted', 'Weighted', 'money'], ['historical', 'Historical', 'money'],
    ['attainment', 'Attainment', 'bar'], ['coverage', 'Coverage', 'coverage'],
  ];
  const rows = measures.map(([key, label, kind]) => ({ measure: label, kind, _currency: currency,
    ...Object.fromEntries(periods.map((p) => [p.period, p[key]])) }));
  const cell = (period: string): Column<Json> => ({
    header: period, key: period, type: 'money', currency: (x) => (x.kind === 'money' ? currency : null),
    value: (x) => {
      const v = x[period];
      if (v === null || v === undefined) return x.kind === 'money' ? null : '-';
      if (x.kind === 'bar') return `${'█'.repeat(Math.round(Math.min(v, 1) * 8)).padEnd(8, '░')} ${(v * 100).toFixed(0)}%`;
      if (x.kind === 'coverage') return `${v.toFixed(2)}x`;
      return v;
    },
  });
  return { rows, columns: [{ header: '', key: 'measure', value: (x) => x.measure }, ...periods.map((p) => cell(p.period))] };
}

export function forecastView(r: Json, warnings: string[]): Output {
  const periods = withCurrency(r.periods, r.currency);
  const grid = transposed(periods, r.currency);
  const title = `Forecast by ${r.period}`;
  const sections: Section[] = [{ title, key: 'periods', rows: () => grid.rows, columns: grid.columns, audience: 'people' },
    { title, key: 'periods', rows: () => periods, columns: forecastColumns, audience: 'machines' }];
  if (r.by === 'owner') {
    const rows = periods.flatMap((p: Json) => withCurrency(p.owners, r.currency).map((o: Json) => ({ ...o, period: p.period })));
    sections.push({ title: 'By owner', key: 'owners', rows: () => rows,
      columns: [forecastColumns[0]!, { header: 'Owner', key: 'owner', value: (o) => o.owner }, ...forecastColumns.slice(1)] });
  }
  if (r.by === 'category') {
    const cats: [string, string][] = [['closedWon', 'Closed won'], ['commit', 'Commit'], ['bestCase', 'Best case'], ['pipeline', 'Pipeline'], ['weighted', 'Weighted']];
    const rows = cats.map(([key, label]) => ({ category: label, _currency: r.currency, ...Object.fromEntries(periods.map((p: Json) => [p.period, p[key]])) }));
    // The periods' own columns, turned around: machines have them in `periods` already.
    sections.push({ title: 'By category', key: 'categories', audience: 'people', rows: () => rows,
      columns: [{ header: 'Category', key: 'category', value: (x) => x.category },
      ...periods.map((p: Json) => money(p.period, p.period))] });
  }
  sections.push({ title: 'Historical win rate by stage (window)', key: 'stageWinRates', rows: () => r.stageWinRates, columns: [
    { header: 'Stage', key: 'stage', value: (s) => s.stage },
    { header: 'Closed deals', key: 'closed', value: (s) => s.closed, type: 'count' },
    { header: 'Won', key: 'rate', value: (s) => s.rate, type: 'percent' },
    { header: 'Stage probability', key: 'probability', value: (s) => `${s.probability}%` },
  ] });
  return record(r, [
    { header: 'As of', key: 'asOf', value: (x) => x.asOf },
    { header: 'Periods', key: 'period', value: (x) => `${x.periods.length} ${x.period}s, fiscal year from month ${x.fiscalYearStart}` },
    ...header.slice(2),
  ], { sections, warnings });
}

const groupColumns = (key: string, label: string): Column<Json>[] => [
  { header: label, key, value: (g) => g[key] },
  { header: 'Won', key: 'won', value: (g) => g.won, type: 'count' }, { header: 'Lost', key: 'lost', value: (g) => g.lost, type: 'count' },
  money('Won amount', 'wonAmount'), money('Lost amount', 'lostAmount'),
  { header: 'Win rate', key: 'winRate', value: (g) => g.winRate, type: 'bar' },
];

const deals = (n: number) => `${n} deal${n === 1 ? '' : 's'}`;

export function winLossView(r: Json, warnings: string[]): Output {
  const c = (rows: Json[]) => withCurrency(rows, r.currency);
  return record(r, [...header,
    { header: 'Won', key: 'won', value: (x, money) => `${deals(x.won.deals)}, ${money(x.won.amount, x.currency)}` },
    { header: 'Lost', key: 'lost', value: (x, money) => `${deals(x.lost.deals)}, ${money(x.lost.amount, x.currency)}` },
    { header: 'Win rate', key: 'winRate', value: (x) => x.winRate, type: 'percent' },
  ], { warnings, sections: [
    { title: 'Lost by reason', key: 'byReason', rows: () => c(r.byReason), columns: [{ header: 'Reason', key: 'reason', value: (x) => x.reason },
      { header: 'Deals', key: 'deals', value: (x) => x.deals, type: 'count' }, money('Amount', 'amount')], empty: 'no lost deals' },
    { title: 'By source', key: 'bySource', rows: () => c(r.bySource), columns: groupColumns('source', 'Source'), empty: 'no closed deals' },
    { title: 'By owner', key: 'byOwner', rows: () => c(r.byOwner), columns: groupColumns('owner', 'Owner'), empty: 'no closed deals' },
  ] });
}

export function activityReportView(r: Json): Output {
  return record(r, header.slice(0, 3), { sections: [
    { title: 'Activities per week', key: 'weeks', rows: () => r.weeks, empty: 'no activities in the window', columns: [
      { header: 'Week', key: 'week', value: (w) => w.week }, { header: 'Owner', key: 'owner', value: (w) => w.owner },
      ...['call', 'email', 'meeting', 'note', 'total'].map((k): Column<Json> => ({ header: k[0]!.toUpperCase() + k.slice(1), key: k, value: (w) => w[k], type: 'count' })),
    ] },
    { title: 'Follow-ups', key: 'followups', rows: () => r.followups, empty: 'no follow-ups', columns: [
      { header: 'Owner', key: 'owner', value: (f) => f.owner },
      { header: 'Completed', key: 'completed', value: (f) => f.completed, type: 'count' },
      { header: 'Completed late', key: 'completedLate', value: (f) => f.completedLate, type: 'count' },
      { header: 'Overdue now', key: 'overdue', value: (f) => f.overdue, type: 'count' },
    ] },
  ] });
}
