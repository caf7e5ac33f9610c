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
    return tx.contacts.remove(contact);
  });
  return { kind: 'none' as const, done: deleted('contact', target, detached, 'direct reports') };
}
