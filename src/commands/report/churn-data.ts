import type { Context } from '../../context.js';
import { churnRanking, PurchaseRhythms } from '../../domain/churn.js';
import { CustomerDirectory } from '../../domain/customer-value.js';
import { trailingWindow } from '../../domain/reports/window.js';
import type { OrderSums } from '../../store/customer-value.js';
import { unreadValueTable } from './customers.js';
import { fittedPAlive } from './model.js';

/**
 * Every customer's purchase rhythm and P(alive) at `asOf`, and the trailing 12-month revenue as value at risk (one
 * pass over the orders feeds all three, and the caller's `sums`); the customers at risk, ranked. When the model
 * cannot be fitted (too few customers), P(alive) is null and `note` says why: rhythm alone judges. Customers are
 * held in columns and named only once the rows are known (`names`).
 */
export async function churnAt(ctx: Context, asOf: string, factor?: number, threshold?: number, sums: readonly OrderSums[] = []) {
  const rhythms = new PurchaseRhythms();
  const window = trailingWindow(asOf, undefined);
  // Only what the rows need is kept of the value table: its columns are garbage once the revenue is read.
  const { table: t, data, money, currency, warnings, sums: revenue } = await unreadValueTable({ asOf, since: window.from }, ctx);
  // Each customer's P(alive) once the purchase model is fitted (every customer was read by then); NaN for none. The
  // window's revenue (and the caller's `sums`) come from the same pass over the orders.
  let pAlive: Float64Array | undefined;
  const unfitted = await fittedPAlive(ctx, asOf, rhythms.add, (kind, id, alive) => {
    pAlive ??= new Float64Array(rhythms.length).fill(NaN);
    if (alive !== null) pAlive[rhythms.find(kind, id)] = alive;
  }, [revenue, ...sums]);
  const note = unfitted === null ? null : `no P(alive): ${unfitted}; customers are judged by their rhythm only`;
  rhythms.end();
  pAlive ??= new Float64Array(rhythms.length).fill(NaN);
  // The revenue of the customers report rfm scores (a positive order in the window); none for the others.
  const valueAtRisk = new Float64Array(rhythms.length);
  for (let i = 0; i < rhythms.length; i++) {
    const r = t.find(rhythms.kind[i]!, rhythms.id[i]!);
    if (r >= 0 && t.frequency[r]! > 0 && !Number.isNaN(t.last[r]!)) valueAtRisk[i] = t.monetary[r]!;
  }
  const { order, row } = churnRanking(rhythms, pAlive, valueAtRisk, asOf, factor, threshold);
  return { order, row, valueAtRisk, kind: rhythms.kind, id: rhythms.id, window, note, money, currency, customers: rhythms.length, warnings,
    /** Reads the names, for describing rows' customers (kind, id, name, external id). */
    names: async () => {
      const directory = new CustomerDirectory();
      await data.directory(directory);
      return (entry: number) => directory.describe(rhythms.kind[entry]!, rhythms.id[entry]!);
    } };
}
