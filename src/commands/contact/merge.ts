import type { Context } from '../../context.js';
import { contactJson, mergeContactFields } from '../../domain/contact.js';
import { usageError } from '../../errors.js';
import { reload } from '../reload.js';
import { contactView } from '../../output/views/contact.js';
import { merged, mergeQuestion } from '../../output/views/notices.js';
import type { ContactInput } from './spec.js';

export async function run({ args: [keepRef, dupRef] }: ContactInput<'merge'>, ctx: Context) {
  const store = await ctx.store();
  const keepRec = await store.refs.resolve(keepRef!, ['contact']);
  const dupRec = await store.refs.resolve(dupRef!, ['contact']);
  if (keepRec.id === dupRec.id) throw usageError(`KEEP and DUP are the same contact (#${keepRec.id})`, 'name two different contacts');
  await (await ctx.prompter()).confirm(...mergeQuestion('contact', keepRec, dupRec));
  const result = await ctx.write(async (tx) => {
    const keep = await reload((id) => tx.contacts.get(id), 'contact', keepRec);
    const dup = await reload((id) => tx.contacts.get(id), 'contact', dupRec);
    // Everything that was DUP's becomes KEEP's (deals, activities, follow-ups, orders, reports) inside the store.
    return tx.contacts.merge(keep, dup, mergeContactFields(keep, dup));
  });
  return contactView({ ...contactJson(result), mergedFrom: { id: dupRec.id, name: dupRec.name } }, null,
    merged('contact', keepRec, dupRec));
}
