import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteCustomerValues } from '../../src/store/sqlite/customer-value.js';
import { epochDay, groupedOrderSums, scannedOrderSums } from '../../src/store/sqlite/order-sums.js';

type Row = [number | null, number | null, string, number, string];

/** The orders table's columns that the scans read, filled in the order given. */
function orders(rows: Row[]) {
  const db = new Database(':memory:');
  db.exec('create table orders (id integer primary key, company_id integer, contact_id integer, ordered_on text not null, amount_minor bigint not null, currency text not null)');
  const add = db.prepare('insert into orders (company_id, contact_id, ordered_on, amount_minor, currency) values (?, ?, ?, ?, ?)');
  for (const r of rows) add.run(...r);
  return db;
}

/** What a scan hands its table, call by call. */
function calls(scan: (into: { addDays: (...a: unknown[]) => void }) => unknown) {
  const seen: unknown[][] = [];
  const result = scan({ addDays: (...a) => void seen.push(a) });
  return { result, seen };
}

/** Orders as crm writes them, in shuffled customer order: several currencies for some customers, refunds, zero amounts. */
function written(count: number): Row[] {
  let seed = 11;
  const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
  const companies = [1, 2, 70_000, 30_000_000, 2 ** 40];
  const days = ['2025-01-02', '2025-02-01', '2025-01-20', '2025-02-28', '2024-02-29', '2026-01-01', '2026-01-02', '1969-12-31', '0004-03-01'];
  const currencies = ['USD', 'EUR', 'USD', 'USD', 'JPY', 'AAA', 'ZZZ'];
  const rows: Row[] = [];
  for (let i = 0; i < count; i++) {
    const company = next(3) === 0 ? null : companies[next(companies.length)]!;
    const amount = next(6) === 0 ? -next(900) : next(7) === 0 ? 0 : next(100_000);
    rows.push([company, company === null ? 1 + next(60) : next(2) === 0 ? null : 5, days[next(days.length)]!, amount, currencies[next(currencies.length)]!]);
  }
  return rows;
}

describe('RFM order sums (SQLite)', () => {
  it('hands over what the GROUP BY does, in its order, from orders as crm writes them', () => {
    const db = orders(written(4000));
    for (const [asOf, since] of [['2026-01-01', null], ['2025-12-31', '2025-01-20'], ['2026-06-01', '1970-01-01']] as const) {
      const want = calls((into) => groupedOrderSums(db, asOf, since, into));
      const got = calls((into) => scannedOrderSums(db, asOf, since, into));
      expect(got.result).toBe(true);
      expect(want.seen.length).toBeGreaterThan(150);
      expect(got.seen).toEqual(want.seen);
    }
    // A customer in several currencies gets one group each, in code order.
    const multi = calls((into) => scannedOrderSums(db, '2026-01-01', null, into)).seen.filter((c) => c[0] === 0 && c[1] === 2 ** 40);
    expect(multi.map((c) => c[2])).toEqual(['AAA', 'EUR', 'JPY', 'USD', 'ZZZ']);
  });

  it('reads batch after batch, whatever gaps the order ids have', () => {
    const db = orders(written(9_000));
    // Ids far apart and below zero: a range of ids starts where there is one.
    db.exec('update orders set id = id * 1000 where id > 8000; update orders set id = -id where id <= 100');
    const want = calls((into) => groupedOrderSums(db, '2030-01-01', null, into));
    const got = calls((into) => scannedOrderSums(db, '2030-01-01', null, into));
    expect(got.result).toBe(true);
    expect(got.seen).toEqual(want.seen);
    expect((got.seen as number[][]).reduce((n, c) => n + c[3]!, 0)).toBe(9_000);
  });

  it('gives nothing and says so for a row not as crm writes it, and orders() then asks the GROUP BY', async () => {
    const odd: Row[][] = [
      [[1, null, '2025-1-3', 100, 'USD']],
      [[1, null, '2025-01-03 10:00', 100, 'USD']],
      [[1, null, '2025-13-03', 100, 'USD']],
      [[1, null, '2025-01-03', 100, 'usd']],
      [[1, null, '2025-01-03', 100, 'XBTC']],
      [[1, null, '2025-01-03', 100, 'US']],
      [[0, null, '2025-01-03', 100, 'USD']],
      [[null, -4, '2025-01-03', 100, 'USD']],
      [[1, null, '2025-01-03', 1e15, 'USD']],
      // Values in the wrong type or shape that, written one after another, would read as an order of another customer,
      // currency, day or amount.
      [[null, 'abc' as unknown as number, '2025-01-03', 100, 'USD']],
      [[null, '3abc' as unknown as number, '2025-01-03', 100, 'USD']],
      [[null, '' as unknown as number, '2025-01-03', 100, 'USD']],
      [[1, null, '2025-01-03', 5, 'USD1']],
      [[1, null, '2025-01-03U', 5, 'SD']],
      [[1, null, '2025-01-03', '7,-3 2025-01-04 EUR 9' as unknown as number, 'USD']],
      [[1, null, '2025-01-03 USD', 5, 'EUR']],
      [[1.5, null, '2025-01-03', 5, 'USD']],
      [[1, null, '2025-01-03', 2.5, 'USD']],
      // Each amount exact, their sum past 2^53.
      [[1, null, '2025-01-03', 999_999_999_999_999, 'USD'], ...Array.from({ length: 9 }, (): Row => [1, null, '2025-01-04', 999_999_999_999_999, 'USD'])],
      // A sum that passes 2^53 and comes back below it: the double rounded on the way.
      [...Array.from({ length: 9 }, (): Row => [1, null, '2025-01-04', 999_999_999_999_999, 'USD']),
        ...([1000, 1e13, -1e13, -1000] as const).map((amount): Row => [1, null, '2025-01-05', amount, 'USD'])],
    ];
    for (const rows of odd) {
      const db = orders([...written(50), ...rows, ...written(50)]);
      const scanned = calls((into) => scannedOrderSums(db, '2026-01-01', null, into));
      expect(scanned).toEqual({ result: false, seen: [] });
      const want = calls((into) => groupedOrderSums(db, '2026-01-01', null, into)).seen;
      const got: unknown[][] = [];
      await new SqliteCustomerValues(db).orders('2026-01-01', null, { addDays: (...a) => void got.push(a) });
      expect(got).toEqual(want);
    }
  });

  it('takes no orders at all as no groups', () => {
    expect(calls((into) => scannedOrderSums(orders([]), '2026-01-01', null, into))).toEqual({ result: true, seen: [] });
  });

  it('numbers days as SQLite does, days past a month\'s end run on', () => {
    const db = new Database(':memory:');
    const sqlite = db.prepare('select unixepoch(?) / 86400').pluck();
    for (const year of [0, 1, 4, 99, 100, 400, 1600, 1899, 1900, 1969, 1970, 2000, 2024, 2025, 2100, 9999]) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 31; day++) {
          const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect([text, epochDay(year * 10_000 + month * 100 + day)]).toEqual([text, sqlite.get(text)]);
        }
      }
    }
  });
});
