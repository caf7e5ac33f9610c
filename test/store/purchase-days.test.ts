import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { groupedOrderSums } from '../../src/store/sqlite/order-sums.js';
import { scanPurchaseDays } from '../../src/store/sqlite/purchase-days.js';

/** An order's company, person, day, amount and currency. */
type Row = [number | null, number | null, string, number, string];

/** The orders table's columns that the scan reads, filled in shuffled order. */
function orders(rows: Row[]) {
  const db = new Database(':memory:');
  db.exec('create table orders (id integer primary key, company_id integer, contact_id integer, ordered_on text not null, amount_minor bigint not null, currency text not null)');
  const add = db.prepare('insert into orders (company_id, contact_id, ordered_on, amount_minor, currency) values (?, ?, ?, ?, ?)');
  for (const r of rows) add.run(...r);
  return db;
}

/** What one GROUP BY gives, in the order the scan visits. */
const grouped = (db: Database.Database) => db.prepare(`select case when company_id is null then 'contact' else 'company' end, coalesce(company_id, contact_id), ordered_on, currency,
    sum(amount_minor), count(*) from orders where amount_minor >= 0 and ordered_on <= '2026-01-01'
  group by company_id is not null, coalesce(company_id, contact_id), ordered_on, currency order by 1 desc, 2, 3, 4`).raw().all();

/** Orders as crm writes them: ids in the dense range, days YYYY-MM-DD, codes of three capitals. */
function written(count: number, seed: number): Row[] {
  const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
  return Array.from({ length: count }, () => {
    const company = next(3) === 0 ? null : 1 + next(300);
    return [company, company === null ? 1 + next(400) : next(2) === 0 ? null : 5, `2025-0${1 + next(9)}-1${next(10)}`, next(6) === 0 ? -100 : next(5000), next(9) === 0 ? 'EUR' : 'USD'];
  });
}

/** What the scan visits, in its order. */
function visited(db: Database.Database) {
  const seen: unknown[] = [];
  scanPurchaseDays(db, '2026-01-01', (...visit) => seen.push(visit));
  return seen;
}

describe('scanPurchaseDays (SQLite)', () => {
  it('visits what one GROUP BY would, in its order, whatever the ids, days and currency codes look like', () => {
    const rows: Row[] = [];
    let seed = 7;
    const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    // Ids far beyond the dense range, days not written YYYY-MM-DD, codes not of three capitals, refunds, zero amounts.
    const companies = [1, 2, 70_000, 30_000_000, 2 ** 40];
    const days = ['2025-01-02', '2025-02-01', '2025-01-20', '2025-1-3', '2025-02-28', '2026-01-01', '2026-01-02', '2020-01-01', '1999-12-31'];
    const currencies = ['USD', 'EUR', 'usd', 'XBTC', 'Y'];
    for (let i = 0; i < 3000; i++) {
      const company = next(3) === 0 ? null : companies[next(companies.length)]!;
      rows.push([company, company === null ? 1 + next(40) : next(2) === 0 ? null : 5, days[next(days.length)]!, next(5) === 0 ? -100 : next(5000), currencies[next(currencies.length)]!]);
    }
    const db = orders(rows);
    const want = grouped(db);
    expect(want.length).toBeGreaterThan(200);
    expect(visited(db)).toEqual(want);
  });

  it('visits the same when orders not as crm writes them sit among thousands that are, mid-batch or alone', () => {
    // Batches are of 4,096 ids: the odd orders fall in the second and the third, the others are read as crm wrote them.
    const odd: Row[] = [[7, null, '2025-1-3', 40, 'USD'], [null, 9, '2025-02-11', 50, 'usd']];
    // Each alone in its batch, these would read, field after field, as other currencies, days or orders.
    const lookalikes: Row[] = [[7, null, '2025-02-11', 5, 'USD1'], [7, null, '2025-02-11U', 5, 'SD'], [null, 9, '2025-02-11,-8 2025-02-12 USD 4', 50, 'EUR']];
    for (const rows of [written(12_000, 5), [...written(5_000, 3), ...odd, ...written(7_000, 4), odd[0]!, ...written(500, 6)],
      [...written(6_000, 7), lookalikes[0]!, ...written(5_000, 8), lookalikes[1]!, ...written(5_000, 9), lookalikes[2]!, ...written(1_000, 10)]]) {
      const db = orders(rows);
      const want = grouped(db);
      expect(want.length).toBeGreaterThan(5_000);
      expect(visited(db)).toEqual(want);
    }
  });

  it('answers order sums from the same pass, refunds included, as the GROUP BY of every order would', () => {
    /** Visits and each sum's calls with sums asked, against the purchase days' and the value reports' own GROUP BYs. */
    const both = (db: Database.Database, since: (string | null)[]) => {
      const seen: unknown[] = [];
      const sums = since.map((s) => ({ since: s, calls: [] as unknown[][] }));
      const together = scanPurchaseDays(db, '2026-01-01', (...visit) => seen.push(visit),
        sums.map((s) => ({ since: s.since, into: { addDays: (...a: unknown[]) => void s.calls.push(a) } })));
      for (const s of sums) {
        const want: unknown[][] = [];
        groupedOrderSums(db, '2026-01-01', s.since, { addDays: (...a: unknown[]) => void want.push(a) });
        expect(want.length).toBeGreaterThan(100);
        expect(s.calls).toEqual(want);
      }
      expect(seen).toEqual(grouped(db));
      return together;
    };
    // Refunds are a sixth of these orders; the purchase days leave them out, the sums count them.
    const plain = orders(written(12_000, 5));
    expect(both(plain, [null, '2025-05-01'])).toBe(true);
    expect(both(plain, ['2025-03-15'])).toBe(true);
    // A since day not written YYYY-MM-DD, or one order not as crm writes it, and the sums are read on their own.
    expect(both(plain, [null, '2025-05'])).toBe(false);
    const odd = orders([...written(5_000, 3), [7, null, '2025-1-3', 40, 'USD'], ...written(7_000, 4)]);
    expect(both(odd, [null, '2025-05-01'])).toBe(false);
  });
});
