import type { Context } from '../../context.js';
import { contactJson, mergeContactFields } from '../../domain/contact.js';
import { usageError } from '../../errors.js';
import { reportingLoop } from '../../domain/orgchart.js';
import { reload } from '../reload.js';
import { contactView } from '../../output/views/contact.js';
import { merged, mergeQuestion } from '../../output/views/notices.js';
import type { ContactInput } from './spec.js';

export async function run({ args: [keepRef, dupRef] }: ContactInput<'merge'>, ctx: Context) {
  const store = await ctx.store();
  const keepRec = await store.refs.resolve(keepRef!, ['contact']);
  const dupRec = await store.refs.resolve(dupRef!, ['contact']);
  if (keepRec.id === dupRec.id) throw usageError(`KEEP and DUP are the same contact (#${keepRec.id})`, 'name two different contacts');
  await (await ctx.prompter()).confirm(...mergeQuestion(keepRec, dupRec));
  const result = await ctx.write(async (tx) => {
    const keep = await reload((id) => tx.contacts.get(id), 'contact', keepRec);
    const dup = await reload((id) => tx.contacts.get(id), 'contact', dupRec);
    // People who reported to DUP now report to KEEP (KEEP itself excepted).
    for (const person of await tx.contacts.getMany(await tx.contacts.reportsOf(dup.id))) {
      if (person.id !== keep.id) await tx.contacts.update(person, { ...person, reportsToId: keep.id });
    }
    // Everything that was DUP's is KEEP's now: deals, activities, follow-ups, orders.
    await tx.deals.relink('contact_id', dup.id, keep.id);
    await tx.activities.relink('contact_id', dup.id, keep.id);
    await tx.followups.relink('contact_id', dup.id, keep.id);
    await tx.orders.moveContactOrders(dup.id, { kind: 'contact', id: keep.id, name: keep.name });
    const fields = mergeContactFields(keep, dup);
    if (fields.reportsToId !== null && reportingLoop(keep.id, await tx.contacts.managerChain(fields.reportsToId)).length) {
      // KEEP would end up reporting to someone who (now) reports to KEEP.
      fields.reportsToId = null;
    }
    // DUP goes first so its emails are free for KEEP.
    await tx.contacts.remove(dup);
    return tx.contacts.update(keep, fields, { id: dup.id, name: dup.name });
  });
  return contactView({ ...contactJson(result), mergedFrom: { id: dupRec.id, name: dupRec.name } }, null,
    merged(keepRec, dupRec));
}
