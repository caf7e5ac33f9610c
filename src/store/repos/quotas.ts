import { Repository } from './repository.js';

export interface Quota {
  owner: string;
  period: string;
  amountMinor: number;
  currency: string;
}

/** One quota per owner and period. */
export class Quotas extends Repository {
  async list(filter: { owner?: string; period?: string } = {}): Promise<Quota[]> {
    let q = this.db.selectFrom('quota').select(['owner', 'period', 'amount_minor', 'currency']);
    if (filter.owner) q = q.where('owner', '=', filter.owner);
    if (filter.period) q = q.where('period', '=', filter.period);
    const rows = await q.orderBy('period').orderBy('owner').execute();
    return rows.map((r) => ({ owner: r.owner, period: r.period, amountMinor: Number(r.amount_minor), currency: r.currency }));
  }

  /** Sets (or replaces) one owner's quota for one period. */
  async set(quota: Quota): Promise<void> {
    const [before] = await this.list({ owner: quota.owner, period: quota.period });
    const existing = await this.db.selectFrom('quota').select('id').where('owner', '=', quota.owner)
      .where('period', '=', quota.period).executeTakeFirst();
    let id = existing?.id;
    if (id !== undefined) {
      await this.j.touch('quota', id);
      await this.db.updateTable('quota').set({ amount_minor: quota.amountMinor, currency: quota.currency, ...this.j.updated() })
        .where('id', '=', id).execute();
    } else {
      id = (await this.db.insertInto('quota').values({ owner: quota.owner, period: quota.period, amount_minor: quota.amountMinor,
        currency: quota.currency, ...this.j.created() }).returning('id').executeTakeFirstOrThrow()).id;
    }
    await this.j.record('quota', id, before ? 'update' : 'create', before ?? null, quota);
  }
}
