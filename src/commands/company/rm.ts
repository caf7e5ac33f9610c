import type { Context } from '../../context.js';
import { deleted, deleteQuestion } from '../../output/views/notices.js';
import { refuseIfOrders } from '../order/customer.js';
import { reload } from '../reload.js';
import type { CompanyInput } from './spec.js';

export async function run({ args: [ref] }: CompanyInput<'rm'>, ctx: Context) {
  const store = await ctx.store();
  const target = await store.refs.resolve(ref!, ['company']);
  const staff = (await store.contacts.list({ companyId: target.id })).length;
  await refuseIfOrders(store, 'company', target);
  await (await ctx.prompter()).confirm(...deleteQuestion('company', target, staff, 'contacts'));
  const detached = await ctx.write(async (tx) => {
    const company = await reload((id) => tx.companies.get(id), 'company', target);
    await refuseIfOrders(tx, 'company', target);
    return tx.companies.remove(company);
  });
  return { kind: 'none' as const, done: deleted('company', target, detached, 'contacts') };
}
