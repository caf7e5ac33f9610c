import type { Context } from '../../context.js';
import { contactJson } from '../../domain/contact.js';
import { contactView } from '../../output/views/contact.js';
import { customerTimeline } from '../customer-view.js';
import type { ContactInput } from './spec.js';

export async function run({ args: [ref] }: ContactInput<'show'>, ctx: Context) {
  const store = await ctx.store();
  const { id } = await store.refs.resolve(ref!, ['contact']);
  const contact = (await store.contacts.get(id))!;
  const reports = await store.contacts.getMany(await store.contacts.reportsOf(id));
  return contactView(contactJson(contact), reports.map(contactJson), undefined, await customerTimeline(store, 'contact', id, ctx.now));
}
