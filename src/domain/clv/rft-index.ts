import type { RFT } from './bgnbd.js';

/**
 * One value per distinct (x, tx, T), found by the numbers themselves rather than by text made of them: customers
 * with the same history share a likelihood term and every forecast, and are many where most bought once.
 */
export class RftIndex<V> {
  private readonly byX = new Map<number, Map<number, Map<number, V>>>();

  /** The value kept for `c`'s (x, tx, T); `make` gives it the first time. */
  get(c: RFT, make: () => V): V {
    let byTx = this.byX.get(c.x);
    if (!byTx) this.byX.set(c.x, (byTx = new Map()));
    let byT = byTx.get(c.tx);
    if (!byT) byTx.set(c.tx, (byT = new Map()));
    let v = byT.get(c.T);
    if (v === undefined) byT.set(c.T, (v = make()));
    return v;
  }
}
