import type pg from 'pg';
import type { PackedNames } from '../../domain/packed-names.js';
import type { CustomerNames } from '../customer-names.js';

/** Customers' names a range of ids at a time, each range's strings packed before the next is read. */
export class PgCustomerNames implements CustomerNames {
  constructor(private readonly client: pg.Client) {}

  async packed(into: Pick<PackedNames, 'addColumns'>): Promise<void> {
    type N = [number[], string[], (string | null)[]];
    for (const [kind, table, filter] of [['company', 'company', ''], ['contact', 'contact', 'company_id is null and']] as const) {
      // Keyset ranges, each as one row of three arrays (no array per customer).
      for (let after = -1; ;) {
        const { rows: [[ids, names, externalIds]] } = await this.client.query<N>({ rowMode: 'array', values: [after, RANGE],
          text: `select coalesce(array_agg(id order by id), '{}'), coalesce(array_agg(name order by id), '{}'), coalesce(array_agg(external_id order by id), '{}')
            from (select id, name, external_id from ${table} where ${filter} id > $1 order by id limit $2) part` }) as unknown as { rows: [N] };
        if (ids.length === 0) break;
        into.addColumns(kind, ids.map(Number), names, externalIds);
        after = Number(ids.at(-1));
      }
    }
  }
}

/** Customers read at a time. */
const RANGE = 8_192;
