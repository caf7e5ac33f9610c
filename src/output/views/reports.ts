import type {
  ActivityResult, ForecastPeriod, ForecastResult, PipelineResult, QuotaResult, WinLossGroupResult, WinLossResult,
} from '../../domain/reports/results.js';
import { type Column, list, type Output, record, type Section } from '../view.js';

/** Views of the reports and quotas. Amounts arrive in major units of `currency`; ratios as fractions. */

/** A row that knows its currency: its own (a quota), or its report's, stamped on by `withCurrency`. */
type Priced = { currency?: string; _currency?: string };
type Stamped<T> = T & { _currency: string };

/** A money column of `Row`: the amount under `key`, unless `get` reads it elsewhere. */
const money = <Row extends Priced>(header: string, key: keyof Row & string, get: (r: Row) => unknown = (r) => r[key]): Column<Row> =>
  ({ header, key, value: get, type: 'money', currency: (r) => r.currency ?? r._currency ?? null });

const withCurrency = <T extends object>(rows: T[], currency: string): Stamped<T>[] => rows.map((r) => ({ ...r, _currency: currency }));

export const quotaColumns: Column<QuotaResult>[] = [
  { header: 'Owner', key: 'owner', value: (q) => q.owner },
  { header: 'Period', key: 'period', value: (q) => q.period },
  { header: 'From', key: 'from', value: (q) => q.from },
  { header: 'To', key: 'to', value: (q) => q.to },
  money<QuotaResult>('Quota', 'amount'),
];
export const quotaList = (rows: QuotaResult[]): Output => list(rows, quotaColumns, 'no quotas set');
export const quotaView = (q: QuotaResult, done?: string): Output => record(q, quotaColumns, { done });

/** The fields every pipeline-side report starts with. */
type Heading = { asOf: string; window?: { from: string; to: string }; owner: string | null; currency?: string };
const header: Column<Heading>[] = [
  { header: 'As of', key: 'asOf', value: (r) => r.asOf },
  { header: 'Window', key: 'window', value: (r) => (r.window ? `${r.window.from} to ${r.window.to}` : null) },
  { header: 'Owner', key: 'owner', value: (r) => r.owner ?? 'everyone' },
  { header: 'Currency', key: 'currency', value: (r) => r.currency },
];

export function pipelineView(r: PipelineResult, warnings: string[]): Output {
  const total = r.stages.reduce((a, s) => a + s.amount, 0) || 1;
  const maxShare = Math.max(...r.stages.map((s) => s.amount / total), 0.0001);
  const stages = withCurrency(r.stages, r.currency);
  type StageRow = (typeof stages)[number];
  const sections: Section[] = [
    { title: 'Open pipeline by stage', key: 'stages', rows: () => stages, columns: [
      { header: 'Stage', key: 'stage', value: (s: StageRow) => s.stage },
      { header: 'Deals', key: 'deals', value: (s: StageRow) => s.deals, type: 'count' },
      money<StageRow>('Amount', 'amount'), money<StageRow>('Weighted', 'weighted'),
      { header: 'Avg age (days)', key: 'avgAgeDays', value: (s: StageRow) => s.avgAgeDays },
      { header: 'Stale', key: 'stale', value: (s: StageRow) => s.stale, type: 'count' },
      { header: 'Share of pipeline', key: 'share', value: (s: StageRow) => s.amount / total, type: 'bar', scale: maxShare },
    ] },
    { title: 'Stage conversion (window)', key: 'conversions', rows: () => r.conversions, columns: conversionColumns },
  ];
  return record(r, [...header,
    { header: 'Open deals', key: 'openDeals', value: (x: PipelineResult) => x.openDeals, type: 'count' },
    { header: 'Won / lost', key: 'won', value: (x: PipelineResult) => `${x.won} / ${x.lost}` },
    { header: 'Win rate', key: 'winRate', value: (x: PipelineResult) => x.winRate, type: 'percent' },
    { header: 'Sales cycle (days)', key: 'salesCycleDays', value: (x: PipelineResult) => x.salesCycleDays },
    money<PipelineResult>('Avg won amount', 'avgWonAmount'),
    { header: 'Velocity (per day)', key: 'velocity', value: (x: PipelineResult) => x.velocity, type: 'money', currency: (x: PipelineResult) => x.currency },
  ], { sections, warnings });
}

const conversionColumns: Column<PipelineResult['conversions'][number]>[] = [
  { header: 'From', key: 'from', value: (c) => c.from }, { header: 'To', key: 'to', value: (c) => c.to },
  { header: 'Entered', key: 'entered', value: (c) => c.entered, type: 'count' },
  { header: 'Moved on', key: 'movedOn', value: (c) => c.movedOn, type: 'count' },
  { header: 'Rate', key: 'rate', value: (c) => c.rate, type: 'percent' },
];

type PeriodRow = Stamped<ForecastPeriod>;
const forecastColumns: Column<PeriodRow>[] = [
  { header: 'Period', key: 'period', value: (p) => p.period },
  money<PeriodRow>('Closed won', 'closedWon'), money<PeriodRow>('Commit', 'commit'), money<PeriodRow>('Best case', 'bestCase'),
  money<PeriodRow>('Pipeline', 'pipeline'), money<PeriodRow>('Weighted', 'weighted'), money<PeriodRow>('Historical', 'historical'),
  money<PeriodRow>('Commit fcst', 'commitForecast'), money<PeriodRow>('Best-case fcst', 'bestCaseForecast'), money<PeriodRow>('Quota', 'quota'),
  { header: 'Attainment', key: 'attainment', value: (p) => p.attainment, type: 'bar' },
  { header: 'Coverage', key: 'coverage', value: (p) => p.coverage, type: 'times' },
];

type Measure = 'quota' | 'closedWon' | 'commit' | 'bestCase' | 'pipeline' | 'commitForecast' | 'bestCaseForecast' | 'openPipeline' |
  'weighted' | 'historical' | 'attainment' | 'coverage';
/** A row of the forecast turned around: one measure, its value per period label. */
type MeasureRow = { measure: string; kind: 'money' | 'bar' | 'coverage'; _currency: string } & Record<string, string | number | null>;

/** The forecast the way it is printed: one row per measure, one column per period. */
function transposed(periods: PeriodRow[], currency: string): { rows: MeasureRow[]; columns: Column<MeasureRow>[] } {
  const measures: [Measure, string, 'money' | 'bar' | 'coverage'][] = [
    ['quota', 'Quota', 'money'], ['closedWon', 'Closed won', 'money'], ['commit', 'Commit', 'money'], ['bestCase', 'Best case', 'money'],
    ['pipeline', 'Pipeline', 'money'], ['commitForecast', 'Commit forecast', 'money'], ['bestCaseForecast', 'Best-case forecast', 'money'],
    ['openPipeline', 'Open pipeline', 'money'], ['weighted', 'Weighted', 'money'], ['historical', 'Historical', 'money'],
    ['attainment', 'Attainment', 'bar'], ['coverage', 'Coverage', 'coverage'],
  ];
  const rows = measures.map(([key, label, kind]): MeasureRow => ({ measure: label, kind, _currency: currency,
    ...Object.fromEntries(periods.map((p) => [p.period, p[key]])) }));
  const cell = (period: string): Column<MeasureRow> => ({
    header: period, key: period, type: 'money', currency: (x) => (x.kind === 'money' ? currency : null),
    value: (x) => {
      const v = x[period];
      if (v === null || v === undefined) return x.kind === 'money' ? null : '-';
      if (typeof v !== 'number') return v;
      if (x.kind === 'bar') return `${'█'.repeat(Math.round(Math.min(v, 1) * 8)).padEnd(8, '░')} ${(v * 100).toFixed(0)}%`;
      if (x.kind === 'coverage') return `${v.toFixed(2)}x`;
      return v;
    },
  });
  return { rows, columns: [{ header: '', key: 'measure', value: (x) => x.measure }, ...periods.map((p) => cell(p.period))] };
}

export function forecastView(r: ForecastResult, warnings: string[]): Output {
  const periods = withCurrency(r.periods, r.currency);
  const grid = transposed(periods, r.currency);
  const title = `Forecast by ${r.period}`;
  const sections: Section[] = [{ title, key: 'periods', rows: () => grid.rows, columns: grid.columns, audience: 'people' },
    { title, key: 'periods', rows: () => periods, columns: forecastColumns, audience: 'machines' }];
  if (r.by === 'owner') {
    type OwnerRow = PeriodRow & { owner: string };
    const rows = periods.flatMap((p) => withCurrency(p.owners ?? [], r.currency).map((o) => ({ ...o, period: p.period })));
    sections.push({ title: 'By owner', key: 'owners', rows: () => rows,
      columns: [forecastColumns[0]!, { header: 'Owner', key: 'owner', value: (o: OwnerRow) => o.owner }, ...forecastColumns.slice(1)] });
  }
  if (r.by === 'category') {
    const cats: [Measure, string][] = [['closedWon', 'Closed won'], ['commit', 'Commit'], ['bestCase', 'Best case'], ['pipeline', 'Pipeline'], ['weighted', 'Weighted']];
    type CategoryRow = { category: string; _currency: string } & Record<string, string | number | null>;
    const rows = cats.map(([key, label]): CategoryRow => ({ category: label, _currency: r.currency, ...Object.fromEntries(periods.map((p) => [p.period, p[key]])) }));
    // The periods' own columns, turned around: machines have them in `periods` already.
    sections.push({ title: 'By category', key: 'categories', audience: 'people', rows: () => rows,
      columns: [{ header: 'Category', key: 'category', value: (x: CategoryRow) => x.category },
      ...periods.map((p) => money<CategoryRow>(p.period, p.period))] });
  }
  sections.push({ title: 'Historical win rate by stage (window)', key: 'stageWinRates', rows: () => r.stageWinRates, columns: stageRateColumns });
  return record(r, [
    { header: 'As of', key: 'asOf', value: (x: ForecastResult) => x.asOf },
    { header: 'Periods', key: 'period', value: (x: ForecastResult) => `${x.periods.length} ${x.period}s, fiscal year from month ${x.fiscalYearStart}` },
    ...header.slice(2),
  ], { sections, warnings });
}

const stageRateColumns: Column<ForecastResult['stageWinRates'][number]>[] = [
  { header: 'Stage', key: 'stage', value: (s) => s.stage },
  { header: 'Closed deals', key: 'closed', value: (s) => s.closed, type: 'count' },
  { header: 'Won', key: 'rate', value: (s) => s.rate, type: 'percent' },
  { header: 'Stage probability', key: 'probability', value: (s) => `${s.probability}%` },
];

const groupColumns = <Key extends 'source' | 'owner'>(key: Key, label: string): Column<Stamped<WinLossGroupResult<Key>>>[] => [
  { header: label, key, value: (g) => g[key] },
  { header: 'Won', key: 'won', value: (g) => g.won, type: 'count' }, { header: 'Lost', key: 'lost', value: (g) => g.lost, type: 'count' },
  money<Stamped<WinLossGroupResult<Key>>>('Won amount', 'wonAmount'), money<Stamped<WinLossGroupResult<Key>>>('Lost amount', 'lostAmount'),
  { header: 'Win rate', key: 'winRate', value: (g) => g.winRate, type: 'bar' },
];

const deals = (n: number) => `${n} deal${n === 1 ? '' : 's'}`;

export function winLossView(r: WinLossResult, warnings: string[]): Output {
  const c = <T extends object>(rows: T[]) => withCurrency(rows, r.currency);
  type ReasonRow = Stamped<WinLossResult['byReason'][number]>;
  return record(r, [...header,
    { header: 'Won', key: 'won', value: (x: WinLossResult, money) => `${deals(x.won.deals)}, ${money(x.won.amount, x.currency)}` },
    { header: 'Lost', key: 'lost', value: (x: WinLossResult, money) => `${deals(x.lost.deals)}, ${money(x.lost.amount, x.currency)}` },
    { header: 'Win rate', key: 'winRate', value: (x: WinLossResult) => x.winRate, type: 'percent' },
  ], { warnings, sections: [
    { title: 'Lost by reason', key: 'byReason', rows: () => c(r.byReason), columns: [{ header: 'Reason', key: 'reason', value: (x: ReasonRow) => x.reason },
      { header: 'Deals', key: 'deals', value: (x: ReasonRow) => x.deals, type: 'count' }, money<ReasonRow>('Amount', 'amount')], empty: 'no lost deals' },
    { title: 'By source', key: 'bySource', rows: () => c(r.bySource), columns: groupColumns('source', 'Source'), empty: 'no closed deals' },
    { title: 'By owner', key: 'byOwner', rows: () => c(r.byOwner), columns: groupColumns('owner', 'Owner'), empty: 'no closed deals' },
  ] });
}

type Week = ActivityResult['weeks'][number];
type FollowupCount = ActivityResult['followups'][number];

export function activityReportView(r: ActivityResult): Output {
  return record(r, header.slice(0, 3), { sections: [
    { title: 'Activities per week', key: 'weeks', rows: () => r.weeks, empty: 'no activities in the window', columns: [
      { header: 'Week', key: 'week', value: (w: Week) => w.week }, { header: 'Owner', key: 'owner', value: (w: Week) => w.owner },
      ...(['call', 'email', 'meeting', 'note', 'total'] as const).map((k): Column<Week> => ({ header: k[0]!.toUpperCase() + k.slice(1), key: k, value: (w) => w[k], type: 'count' })),
    ] },
    { title: 'Follow-ups', key: 'followups', rows: () => r.followups, empty: 'no follow-ups', columns: [
      { header: 'Owner', key: 'owner', value: (f: FollowupCount) => f.owner },
      { header: 'Completed', key: 'completed', value: (f: FollowupCount) => f.completed, type: 'count' },
      { header: 'Completed late', key: 'completedLate', value: (f: FollowupCount) => f.completedLate, type: 'count' },
      { header: 'Overdue now', key: 'overdue', value: (f: FollowupCount) => f.overdue, type: 'count' },
    ] },
  ] });
}
