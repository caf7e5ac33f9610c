import type { Customer } from '../../domain/order.js';
import { chunks } from './batch.js';
import { Repository } from './repository.js';

/** A stored record's keys, as an import matches rows against them. */
export interface StoredKeys {
  id: number;
  uuid: string;
  name: string;
}

/** Which table each kind of record lives in, and the entity name its journal entries carry. */
const TABLES = { company: 'company', contact: 'contact', deal: 'deal', activity: 'activity', followup: 'followup', order: 'orders' } as const;
export type TransferEntity = keyof typeof TABLES;

/**
 * What imports and exports read in bulk: every record's keys in one pass for matching (an import of a file with
 * many rows must not ask the database once per row and key), and every record's uuid by id for the references an
 * export writes.
 */
export class Transfer extends Repository {
  async companyKeys(): Promise<(StoredKeys & { domain: string | null; externalId: string | null })[]> {
    const rows = await this.engine.tuples(this.db.selectFrom('company').select(['id', 'uuid', 'name', 'domain', 'external_id']),
      ['id', 'uuid', 'name', 'domain', 'external_id']);
    return rows.map((r) => ({ id: r[0] as number, uuid: r[1] as string, name: r[2] as string, domain: r[3] as string | null, externalId: r[4] as string | null }));
  }

  async contactKeys(): Promise<(StoredKeys & { externalId: string | null; companyId: number | null; emails: string[] })[]> {
    const rows = await this.engine.tuples(this.db.selectFrom('contact').select(['id', 'uuid', 'name', 'external_id', 'company_id']),
      ['id', 'uuid', 'name', 'external_id', 'company_id']);
    const emails = new Map<number, string[]>();
    for (const [id, email] of await this.engine.tuples(this.db.selectFrom('contact_email').select(['contact_id', 'email'])
      .orderBy('contact_id').orderBy('position'), ['contact_id', 'email']) as [number, string][]) {
      const list = emails.get(id);
      if (list) list.push(email);
      else emails.set(id, [email]);
    }
    return rows.map((r) => ({ id: r[0] as number, uuid: r[1] as string, name: r[2] as string, externalId: r[3] as string | null,
      companyId: r[4] as number | null, emails: emails.get(r[0] as number) ?? [] }));
  }

  async dealKeys(): Promise<(StoredKeys & { companyId: number | null })[]> {
    const rows = await this.engine.tuples(this.db.selectFrom('deal').select(['id', 'uuid', 'title', 'company_id']), ['id', 'uuid', 'title', 'company_id']);
    return rows.map((r) => ({ id: r[0] as number, uuid: r[1] as string, name: r[2] as string, companyId: r[3] as number | null }));
  }

  async activityKeys(): Promise<{ id: number; uuid: string; type: string; at: string; summary: string }[]> {
    const rows = await this.engine.tuples(this.db.selectFrom('activity').select(['id', 'uuid', 'type', 'at', 'summary']).orderBy('id'),
      ['id', 'uuid', 'type', 'at', 'summary']);
    return rows.map((r) => ({ id: r[0] as number, uuid: r[1] as string, type: r[2] as string, at: r[3] as string, summary: r[4] as string }));
  }

  async followupKeys(): Promise<{ id: number; uuid: string; title: string; dueDate: string }[]> {
    const rows = await this.engine.tuples(this.db.selectFrom('followup').select(['id', 'uuid', 'title', 'due_date']).orderBy('id'),
      ['id', 'uuid', 'title', 'due_date']);
    return rows.map((r) => ({ id: r[0] as number, uuid: r[1] as string, title: r[2] as string, dueDate: r[3] as string }));
  }

  async orderKeys(): Promise<{ id: number; uuid: string; reference: string | null; customer: Pick<Customer, 'kind' | 'id'>; date: string;
    amountMinor: number; currency: string }[]> {
    const columns = ['id', 'uuid', 'reference', 'company_id', 'contact_id', 'ordered_on', 'amount_minor', 'currency'] as const;
    const rows = await this.engine.tuples(this.db.selectFrom('orders').select([...columns]).orderBy('id'), columns);
    return rows.map((r) => ({
      id: r[0] as number, uuid: r[1] as string, reference: r[2] as string | null,
      customer: r[3] !== null ? { kind: 'company' as const, id: r[3] as number } : { kind: 'contact' as const, id: r[4] as number },
      date: r[5] as string, amountMinor: Number(r[6]), currency: r[7] as string,
    }));
  }

  /**
   * Ids a new record must not take although no record has them now: the journal knows them from records deleted
   * since (`crm history contact:12` would mix two records' histories).
   */
  async journaledIds(entity: TransferEntity): Promise<Set<number>> {
    const rows = await this.db.selectFrom('journal').select('entity_id').distinct().where('entity', '=', entity).execute();
    return new Set(rows.map((r) => r.entity_id));
  }

  /** The uuids of these records by id, for the references an export writes beside names (a page's worth at a time). */
  async uuids(entity: TransferEntity, ids: Iterable<number>): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    for (const chunk of chunks([...new Set(ids)])) {
      const rows = await this.engine.tuples(this.db.selectFrom(TABLES[entity]).select(['id', 'uuid']).where('id', 'in', chunk), ['id', 'uuid']);
      for (const r of rows) out.set(r[0] as number, r[1] as string);
    }
    return out;
  }
}
