import { type Column, type LazyRows, type Output, record } from '../view.js';

interface ChurnRowJson {
  kind: string; id: number; name: string; externalId: string | null; valueAtRisk: number; lastPurchase: string; purchaseDays: number;
  gap: number; rhythm: number | null; overdue: boolean; pAlive: number | null; reasons: string[];
}
export interface ChurnData {
  asOf: string;
  factor: number;
  threshold: number;
  currency: string;
  window: { from: string; to: string };
  customers: number;
  atRisk: number;
  valueAtRisk: number;
  /** Made as they are written (JSON); the other formats get them gathered into an array. */
  rows: LazyRows<ChurnRowJson>;
}

/** report churn: who is slipping away, by value at risk, with the evidence. */
export function churnView(r: ChurnData, warnings: string[]): Output {
  return record({ ...r }, [
    { header: 'As of', key: 'asOf', value: (x: ChurnData) => x.asOf },
    { header: 'Value window', key: 'window', value: (x: ChurnData) => `${x.window.from} to ${x.window.to}` },
    { header: 'Customers', key: 'customers', value: (x: ChurnData) => x.customers, type: 'count' },
    { header: 'At risk', key: 'atRisk', value: (x: ChurnData) => x.atRisk, type: 'count' },
    { header: 'Value at risk', key: 'valueAtRisk', value: (x: ChurnData) => x.valueAtRisk, type: 'money', currency: (x: ChurnData) => x.currency },
  ], {
    warnings,
    sections: [{
      title: `At risk (overdue past ${r.factor}x their rhythm, or P(alive) below ${Math.round(r.threshold * 100)}%)`, key: 'rows', rows: (x: ChurnData) => x.rows as unknown as ChurnRowJson[],
      empty: 'nobody is overdue or unlikely to be alive',
      columns: [
        { header: 'Customer', key: 'name', value: (c: ChurnRowJson) => c.name },
        { header: 'Value at risk', key: 'valueAtRisk', value: (c: ChurnRowJson) => c.valueAtRisk, type: 'money', currency: () => r.currency },
        { header: 'Last purchase', key: 'lastPurchase', value: (c: ChurnRowJson) => c.lastPurchase, type: 'date' },
        { header: 'Days since', key: 'gap', value: (c: ChurnRowJson) => c.gap, type: 'count' },
        { header: 'Rhythm (days)', key: 'rhythm', value: (c: ChurnRowJson) => c.rhythm },
        { header: 'P(alive)', key: 'pAlive', value: (c: ChurnRowJson) => c.pAlive, type: 'percent' },
        { header: 'Why', key: 'reasons', value: (c: ChurnRowJson) => c.reasons.join('; ') },
      ],
    }],
    lazy: 'rows',
  });
}
