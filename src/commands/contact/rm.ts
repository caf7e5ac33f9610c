import type { Context } from '../../context.js';
import { deleted, deleteQuestion } from '../../output/views/notices.js';
import { refuseIfOrders } from '../order/customer.js';
import { reload } from '../reload.js';
import type { ContactInput } from './spec.js';

export async function run({ args: [ref] }: ContactInput<'rm'>, ctx: Context) {
  const store = await ctx.store();
  const target = await store.refs.resolve(ref!, ['contact']);
  const reports = (await store.contacts.reportsOf(target.id)).length;
  await refuseIfOrders(store, 'contact', target);
  await (await ctx.prompter()).confirm(...deleteQuestion('contact', target, reports, 'direct reports'));
  const detached = await ctx.write(async (tx) => {
    const contact = await reload((id) => tx.contacts.get(id), 'contact', target);
    await refuseIfOrders(tx, 'contact', target);
    const people = await tx.contacts.getMany(await tx.contacts.reportsOf(contact.id));
    for (const person of people) await tx.contacts.update(person, { ...person, reportsToId: null });
    await tx.deals.relink('contact_id', contact.id, null);
    await tx.activities.relink('contact_id', contact.id, null);
    await tx.followups.relink('contact_id', contact.id, null);
    await tx.contacts.remove(contact);
    return people.length;
  });
  return { kind: 'none' as const, done: deleted('contact', target, detached, 'direct reports') };
}
