import type Database from 'better-sqlite3';
import type { PackedNames } from '../../domain/packed-names.js';
import type { CustomerNames } from '../customer-names.js';

/** Customers' names a range of ids at a time, each range's strings packed before the next is read. */
export class SqliteCustomerNames implements CustomerNames {
  constructor(private readonly raw: Database.Database) {}

  async packed(into: Pick<PackedNames, 'addColumns'>): Promise<void> {
    // A 1 MB page cache while reading (as the customer-value scans): every page is read once, and with the default
    // cache the 100,000 companies' pages stayed through the rows' writing. One transaction: the ranges agree.
    const cache = this.raw.pragma('cache_size', { simple: true }) as number;
    this.raw.pragma('cache_size = -1024');
    try {
      this.raw.transaction(() => {
        for (const [kind, table, filter] of [['company', 'company', ''], ['contact', 'contact', 'company_id is null and']] as const) {
          const last = (this.raw.prepare(`select max(id) from ${table}`).pluck().get() as number | null) ?? 0;
          const column = (name: string) => this.raw.prepare(`select ${name} from ${table} where ${filter} id >= ? and id < ? order by id`).pluck();
          const [ids, names, externalIds] = [column('id'), column('name'), column('external_id')];
          for (let from = 0; from <= last; from += RANGE) {
            const read = <T>(s: Database.Statement) => s.all(from, from + RANGE) as T[];
            into.addColumns(kind, read<number>(ids), read<string>(names), read<string | null>(externalIds));
          }
        }
      })();
    } finally {
      this.raw.pragma(`cache_size = ${cache}`);
    }
  }
}

/** Ids read at a time: 8,192 names and external ids live as strings at once, not 200,000. */
const RANGE = 8_192;
