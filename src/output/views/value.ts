import type { ClvResult, DecilesResult, LoyaltyResult, PortfolioResult, RfmResult } from '../../domain/reports/results.js';
import { type Column, type Listed, type Output, record, type Section } from '../view.js';

/** Views of the reports over orders. Amounts arrive in major units of `currency`; ratios as fractions. */

type Stamped<T> = T & { _currency: string };
const cur = <T extends object>(rows: T[], currency: string): Stamped<T>[] => rows.map((r) => ({ ...r, _currency: currency }));
const money = <Row extends { _currency: string }>(header: string, key: keyof Row & string): Column<Row> =>
  ({ header, key, value: (r) => r[key], type: 'money', currency: (r) => r._currency });

type RfmCustomer = Stamped<RfmResult['customers'][number]>;
const customerColumns: Column<RfmCustomer>[] = [
  { header: 'Customer', key: 'name', value: (c) => c.name },
  { header: 'Kind', key: 'kind', value: (c) => `${c.kind} #${c.id}` },
  { header: 'Recency (days)', key: 'recencyDays', value: (c) => c.recencyDays, type: 'count' },
  { header: 'Frequency', key: 'frequency', value: (c) => c.frequency, type: 'count' },
  money<RfmCustomer>('Monetary', 'monetary'),
  { header: 'R', key: 'r', value: (c) => c.r }, { header: 'F', key: 'f', value: (c) => c.f }, { header: 'M', key: 'm', value: (c) => c.m },
  { header: 'Segment', key: 'segment', value: (c) => c.segment },
];

type Segment = Stamped<RfmResult['segments'][number]>;
type Moved = NonNullable<RfmResult['compare']>['moved'][number];
type Mover = NonNullable<RfmResult['compare']>['customers'][number];

/**
 * The value reports list their customers lazily (`Listed`): JSON and NDJSON write each row as it is made; the other
 * formats get the data with the customers gathered into an array, which `customers` reads.
 */
const listed = <T extends object>(x: unknown) => (x as { customers: T[] }).customers;

export function rfmView(r: Listed<RfmResult>, warnings: string[]): Output {
  // Stamped copies only for the renderers that ask for rows: JSON writes `r` as it is, and 100,000 copies of its
  // customers cost as much memory as the customers themselves.
  const customers = (x: unknown) => cur(listed<RfmResult['customers'][number]>(x), r.currency);
  const sections: Section[] = r.segment ? [] : [{ title: 'Segments', key: 'segments', rows: () => cur(r.segments, r.currency), columns: [
    { header: 'Segment', key: 'segment', value: (s: Segment) => s.segment },
    { header: 'Customers', key: 'customers', value: (s: Segment) => s.customers, type: 'count' },
    money<Segment>('Revenue', 'revenue'),
    { header: 'Share', key: 'share', value: (s: Segment) => s.share, type: 'bar' },
    { header: 'Suggested action', key: 'action', value: (s: Segment) => s.action },
  ] }];
  if (r.compare) {
    const c = r.compare;
    const n = c.customers.length;
    sections.push({ title: `Moved since "${c.name}" (${c.asOf}): ${n} customer${n === 1 ? '' : 's'}, ${c.unchanged} in the same segment`,
      key: 'moved', rows: () => c.moved, empty: 'nobody moved', columns: [
        { header: 'From', key: 'from', value: (m: Moved) => m.from }, { header: 'To', key: 'to', value: (m: Moved) => m.to },
        { header: 'Customers', key: 'customers', value: (m: Moved) => m.customers, type: 'count' },
      ] });
    if (n) {
      sections.push({ title: 'Who moved', key: 'whoMoved', rows: () => c.customers, columns: [
        { header: 'Customer', key: 'name', value: (m: Mover) => m.name }, { header: 'Kind', key: 'kind', value: (m: Mover) => `${m.kind} #${m.id}` },
        { header: 'From', key: 'from', value: (m: Mover) => m.from }, { header: 'To', key: 'to', value: (m: Mover) => m.to },
      ] });
    }
  }
  // Every scored customer is a row for machines; people see them listed for one --segment only.
  sections.push(r.segment ? { title: `${r.segment} (${r.customers.count})`, key: 'customers', rows: customers, columns: customerColumns, empty: 'nobody in this segment' }
    : { title: 'Customers', key: 'customers', rows: customers, columns: customerColumns, audience: 'machines' });
  return record(r, [
    { header: 'As of', key: 'asOf', value: (x: RfmResult) => x.asOf }, { header: 'Since', key: 'since', value: (x: RfmResult) => x.since ?? 'all history' },
    { header: 'Bins', key: 'bins', value: (x: RfmResult) => x.bins }, { header: 'Customers scored', key: 'scored', value: (x: RfmResult) => x.scored, type: 'count' },
    { header: 'Saved as', key: 'saved', value: (x: RfmResult) => x.saved },
  ], { sections, warnings, lazy: 'customers' });
}

export function decilesView(r: DecilesResult, warnings: string[]): Output {
  const rows = cur(r.deciles, r.currency);
  type Decile = (typeof rows)[number];
  const columns: Column<Decile>[] = [
    { header: 'Decile', key: 'decile', value: (d) => d.decile },
    { header: 'Customers', key: 'customers', value: (d) => d.customers, type: 'count' },
    money<Decile>('Revenue', 'revenue'),
    { header: 'Share', key: 'share', value: (d) => d.share, type: 'percent' },
    { header: 'Cumulative', key: 'cumulativeShare', value: (d) => d.cumulativeShare, type: 'bar' },
  ];
  return record(r, [
    { header: 'As of', key: 'asOf', value: (x: DecilesResult) => x.asOf }, { header: 'Customers', key: 'customers', value: (x: DecilesResult) => x.customers, type: 'count' },
    { header: 'Pareto (top 20%)', key: 'pareto', value: (x: DecilesResult) => x.pareto, type: 'percent' },
  ], { sections: [{ title: 'Purchase deciles (by revenue)', key: 'deciles', rows: () => rows, columns }], warnings });
}

/** A fitted parameter; one that ran off to the edge of the search (6e-6, 2e+5) would print as 0.000 or a long number. */
const param = (x: number, digits: number) => (x !== 0 && (Math.abs(x) < 10 ** -digits || Math.abs(x) >= 1e5) ? x.toExponential(2) : x.toFixed(digits));

type Problem = ClvResult['diagnosis']['problems'][number];

export function clvView(r: Listed<ClvResult>, warnings: string[]): Output {
  // Stamped copies only when a renderer asks for rows: JSON writes each customer as it is.
  const rows = (x: unknown) => cur(listed<ClvResult['customers'][number]>(x), r.currency);
  type Customer = Stamped<ClvResult['customers'][number]>;
  const d = r.diagnosis;
  const columns: Column<Customer>[] = [
    { header: 'Customer', key: 'name', value: (c) => c.name },
    { header: 'x', key: 'x', value: (c) => c.x }, { header: 't_x', key: 'tx', value: (c) => c.tx }, { header: 'T', key: 'T', value: (c) => c.T },
    money<Customer>('Spent', 'value'),
    { header: 'P(alive)', key: 'pAlive', value: (c) => c.pAlive, type: 'percent' },
    { header: `Purchases (${r.horizonMonths} mo)`, key: 'expectedPurchases', value: (c) => c.expectedPurchases },
    money<Customer>('Avg spend', 'expectedSpend'), money<Customer>('CLV', 'clv'),
    { header: 'Note', key: 'note', value: (c) => c.note },
  ];
  // On screen, a degenerate model's columns are left out rather than shown empty (or worse, filled in);
  // CSV and TSV keep every column, so scripts see the same shape either way.
  const hidden = new Set([
    ...(d.purchaseModel === 'ok' ? [] : ['pAlive', 'expectedPurchases']),
    ...(d.spendModel === 'ok' ? [] : ['expectedSpend']),
    ...(d.status === 'ok' ? [] : ['clv']),
  ]);
  const shown = columns.filter((c) => !hidden.has(c.key));
  const m = r.model;
  const s = r.spendModel;
  const title = r.atRisk ? 'Valuable customers at risk (P(alive) < 50%)' : d.status === 'ok' ? 'Customers by lifetime value' : 'Customers by spend (no lifetime value: see the diagnosis)';
  const sections: Section[] = [];
  if (d.status !== 'ok') {
    sections.push({ title: 'Why the model does not fit', key: 'problems', rows: () => d.problems, columns: [
      { header: 'Model', key: 'model', value: (p: Problem) => p.model }, { header: 'Problem', key: 'message', value: (p: Problem) => p.message }] });
  }
  sections.push({ title, key: 'customers', rows, columns: shown, empty: 'none', audience: 'people' },
    { title, key: 'customers', rows, columns, audience: 'machines' });
  return record(r, [
    { header: 'As of', key: 'asOf', value: (x: ClvResult) => x.asOf },
    { header: 'Horizon', key: 'horizonMonths', value: (x: ClvResult) => `${x.horizonMonths} months, ${x.discount * 100}% monthly discount, time in ${x.unit}s` },
    { header: 'BG/NBD', key: 'model', value: () => `r=${param(m.r, 3)} alpha=${param(m.alpha, 3)} a=${param(m.a, 3)} b=${param(m.b, 3)} LL=${m.logLikelihood.toFixed(1)}` },
    { header: 'Customers', key: 'customers', value: () => `${m.customers} (${m.repeatBuyers} repeat buyers)` },
    { header: 'Gamma-Gamma', key: 'spendModel', value: () => `p=${param(s.p, 2)} q=${param(s.q, 2)} gamma=${param(s.gamma, 2)}` },
    { header: 'Diagnosis', key: 'diagnosis', value: () => (d.status === 'ok' ? '' : d.purchaseModel === 'ok'
      ? 'degenerate spend model: P(alive) and expected purchases only, no spend or lifetime value'
      : 'degenerate: no forecast is shown') },
  ], {
    sections,
    lazy: 'customers',
    warnings: [...warnings, ...(d.status === 'ok' ? [] : ['no lifetime values: the model does not fit these orders (the report says why: "Why the model does not fit", or "diagnosis" in --json)'])],
  });
}

export function portfolioView(r: Listed<PortfolioResult>, warnings: string[]): Output {
  type Customer = Stamped<PortfolioResult['customers'][number]>;
  const columns: Column<Customer>[] = [
    { header: 'Customer', key: 'name', value: (c) => c.name },
    { header: 'Tier', key: 'tier', value: (c) => c.tier }, { header: 'Strategy', key: 'strategy', value: (c) => c.strategy },
    money<Customer>('Value', 'value'), money<Customer>('Per year', 'annualValue'), money<Customer>('Wallet', 'wallet'),
    { header: 'Share of wallet', key: 'shareOfWallet', value: (c) => c.shareOfWallet, type: 'percent' },
    money<Customer>('Untapped', 'untapped'), { header: 'Decile', key: 'decile', value: (c) => c.decile },
    { header: 'Note', key: 'note', value: (c) => c.note },
  ];
  const tiers = cur(r.tiers, r.currency);
  type TierRow = (typeof tiers)[number];
  return record(r, [
    { header: 'As of', key: 'asOf', value: (x: PortfolioResult) => x.asOf },
    { header: 'Window', key: 'windowDays', value: (x: PortfolioResult) => `${x.windowDays} days (values are annualised over it)` },
    { header: 'Without wallet estimate', key: 'withoutWallet', value: (x: PortfolioResult) => x.withoutWallet, type: 'count' },
    { header: 'Wallets to revisit', key: 'walletsToRevisit',
      value: (x: PortfolioResult) => (x.walletsToRevisit ? `${x.walletsToRevisit} (share of wallet above 100%)` : null) },
  ], { warnings, sections: [
    { title: 'Tiers', key: 'tiers', rows: () => tiers, columns: [{ header: 'Tier', key: 'tier', value: (t: TierRow) => t.tier },
      { header: 'Strategy', key: 'strategy', value: (t: TierRow) => t.strategy },
      { header: 'Customers', key: 'customers', value: (t: TierRow) => t.customers, type: 'count' }, money<TierRow>('Value', 'value')] },
    { title: 'Customers', key: 'customers', rows: (x) => cur(listed<PortfolioResult['customers'][number]>(x), r.currency), columns },
  ], lazy: 'customers' });
}

export function loyaltyView(r: Listed<LoyaltyResult>, warnings: string[]): Output {
  type Customer = LoyaltyResult['customers'][number];
  type QuadrantRow = LoyaltyResult['quadrants'][number];
  const columns: Column<Customer>[] = [
    { header: 'Customer', key: 'name', value: (c) => c.name },
    { header: 'F score', key: 'f', value: (c) => c.f }, { header: 'Repeat', key: 'repeat', value: (c) => c.repeat },
    { header: 'Satisfaction', key: 'satisfaction', value: (c) => c.satisfaction },
    { header: 'Attitude', key: 'attitude', value: (c) => c.attitude }, { header: 'Quadrant', key: 'quadrant', value: (c) => c.quadrant },
  ];
  return record(r, [{ header: 'As of', key: 'asOf', value: (x: LoyaltyResult) => x.asOf }], { sections: [
    { title: 'Loyalty matrix (Griffin)', key: 'quadrants', rows: () => r.quadrants, columns: [
      { header: 'Quadrant', key: 'quadrant', value: (q: QuadrantRow) => q.quadrant },
      { header: 'Customers', key: 'customers', value: (q: QuadrantRow) => q.customers, type: 'count' },
      { header: 'Programme', key: 'programme', value: (q: QuadrantRow) => q.programme }] },
    { title: 'Customers', key: 'customers', rows: (x) => listed(x), columns },
  ], warnings, lazy: 'customers' });
}
