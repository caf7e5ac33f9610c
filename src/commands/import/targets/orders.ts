import { findRef, RecordIndex } from '../../../domain/imports/match.js';
import type { OrderRow } from '../../../domain/imports/rows.js';
import type { OrderFields } from '../../../domain/order.js';
import { unchanged } from '../../../domain/record.js';
import { FieldProblem } from '../../../domain/row-schema.js';
import type { ImportTarget } from '../../../io/import/runner.js';
import type { Repos } from '../../../store/store.js';
import {
  CompanyBook, contactIndex, dealIndex, DryIds, IdKeeper, type ImportSummary, type Matched, refOf, Tally, type TargetOptions, UnnamedBook,
} from './shared.js';

export interface OrderMatch {
  record: Matched;
  fields: OrderFields;
}

const keyOf = (f: OrderFields) => `${f.customer.kind}:${f.customer.id}|${f.orderedOn}|${f.amountMinor}|${f.currency}`;

/**
 * Imports orders: matched by uuid, then reference, then one for one by customer, date and amount. The customer is
 * the company or contact the file names (a person who works for a company buys for it, unless the file says the
 * customer is the contact); it must exist, as the deal must.
 */
export async function orderTarget(repos: Repos, o: TargetOptions): Promise<ImportTarget<OrderRow, OrderMatch, ImportSummary>> {
  const tally = new Tally();
  const dry = new DryIds();
  const companies = (await CompanyBook.load(repos, o, tally, dry)).index;
  const people = await contactIndex(repos);
  const deals = (await dealIndex(repos)).index;
  const book = new UnnamedBook();
  const byReference = new Map<string, number>();
  for (const k of await repos.transfer.orderKeys()) {
    book.add(k.id, k.uuid, keyOf({ customer: { ...k.customer, name: '' }, orderedOn: k.date, amountMinor: k.amountMinor, currency: k.currency, reference: null, dealId: null }));
    if (k.reference !== null) byReference.set(k.reference, k.id);
  }
  const known = new RecordIndex();
  for (const id of book.ids) known.add({ id });
  const keeper = new IdKeeper(known, await repos.transfer.journaledIds('order'));

  function customerOf(row: OrderRow): OrderFields['customer'] | FieldProblem {
    const shown = `"${row.customer.text ?? row.customer.uuid}"`;
    const pick = (index: RecordIndex, kind: 'company' | 'contact') => {
      const found = findRef(index, row.customer);
      if (found && 'ids' in found) return new FieldProblem('customer', `${shown} matches ${found.ids.length} ${kind === 'company' ? 'companies' : 'contacts'}; use the id or uuid`);
      return found && { kind, id: found.id, name: index.get(found.id)?.name ?? '' };
    };
    if (row.customerKind) {
      return pick(row.customerKind === 'company' ? companies : people.index, row.customerKind)
        ?? new FieldProblem('customer', `${shown} is not a known ${row.customerKind}; import ${row.customerKind === 'company' ? 'companies' : 'contacts'} first, or correct it`);
    }
    const company = pick(companies, 'company');
    if (company) return company;
    const person = pick(people.index, 'contact');
    if (person instanceof FieldProblem) return person;
    if (person) {
      const employer = people.companyOf.get(person.id);
      return employer ? { kind: 'company', id: employer, name: companies.get(employer)?.name ?? '' } : person;
    }
    return new FieldProblem('customer', `${shown} is not a known company or contact; import them first, or create them with crm order import --create-customers`);
  }

  async function write(row: OrderRow, m: OrderMatch, line: number): Promise<void> {
    const name = `${m.fields.customer.name} ${m.fields.orderedOn}`;
    if (m.record === null) {
      const id = o.dryRun ? dry.take() : (await repos.orders.create(m.fields, 'import', keeper.identity(row.id, row.uuid))).id;
      book.created(id, row.uuid);
      known.add({ id });
      if (row.reference !== null) byReference.set(row.reference, id);
      tally.created.push({ line, id: id < 0 ? null : id, name });
      return;
    }
    const { id, by } = m.record;
    const outcome = { line, id: id < 0 ? null : id, name, matchedBy: by };
    if (!o.update || id < 0) {
      tally.skipped.push(outcome);
      return;
    }
    const before = (await repos.orders.get(id))!;
    const fields: OrderFields = { ...m.fields, reference: m.fields.reference ?? before.reference, dealId: m.fields.dealId ?? before.dealId };
    const same = unchanged(before, fields);
    if (!same && !o.dryRun) await repos.orders.update(before, fields);
    (same ? tally.skipped : tally.updated).push(outcome);
  }

  return {
    match(row) {
      const customer = customerOf(row);
      if (customer instanceof FieldProblem) return customer;
      const dealId = refOf(deals, row.deal, 'deal', 'deal', 'import deals first (crm import deals FILE), or correct it');
      if (dealId instanceof FieldProblem) return dealId;
      const fields: OrderFields = { customer, orderedOn: row.date, amountMinor: row.money.minor, currency: row.money.currency,
        reference: row.reference, dealId: dealId ?? null };
      const referenced = row.reference === null ? undefined : byReference.get(row.reference);
      const record = book.match(row.uuid, keyOf(fields), referenced === undefined ? null : { id: referenced, by: 'reference' });
      return { record, fields };
    },
    preview: write,
    write,
    finish: async (rows) => tally.summary('orders', o, rows),
  };
}
