import type { Context } from '../../context.js';
import { companyJson } from '../../domain/company.js';
import { contactJson } from '../../domain/contact.js';
import { companyView } from '../../output/views/company.js';
import { customerTimeline } from '../customer-view.js';
import type { CompanyInput } from './spec.js';

export async function run({ args: [ref] }: CompanyInput<'show'>, ctx: Context) {
  const store = await ctx.store();
  const { id } = await store.refs.resolve(ref!, ['company']);
  const company = (await store.companies.get(id))!;
  const contacts = await store.contacts.list({ companyId: id });
  return companyView(companyJson(company), contacts.map(contactJson), undefined, await customerTimeline(store, 'company', id, ctx.now));
}
