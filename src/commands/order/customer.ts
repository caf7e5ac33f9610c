import type { Customer } from '../../domain/order.js';
import { conflict } from '../../errors.js';
import type { Repos } from '../../store/store.js';

/**
 * analytics.md: an order belongs to a company, or to a contact that has no company (B2C). Naming a person who
 * works for a company books the order on the company.
 */
export async function resolveCustomer(repos: Repos, ref: string): Promise<Customer> {
  const found = await repos.refs.resolve(ref, ['company', 'contact']);
  if (found.kind === 'company') return { kind: 'company', id: found.id, name: found.name };
  const person = (await repos.contacts.get(found.id))!;
  return person.company ? { kind: 'company', ...person.company } : { kind: 'contact', id: person.id, name: person.name };
}

/** Orders are revenue history: a customer who has them is not deleted (their orders would lose their owner). */
export async function refuseIfOrders(repos: Repos, kind: Customer['kind'], who: { id: number; name: string }): Promise<void> {
  const n = await repos.orders.countFor({ kind, id: who.id });
  if (n > 0) {
    throw conflict(`${kind} #${who.id} ${who.name} has ${n} order${n === 1 ? '' : 's'} and cannot be deleted`,
      kind === 'contact' ? 'merge the contact into another one instead (crm contact merge KEEP DUP)' : 'keep the company; tag it instead, e.g. --add-tag former');
  }
}
