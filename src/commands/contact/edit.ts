import type { Input } from '../../cli/action.js';
import type { Context } from '../../context.js';
import { contactJson } from '../../domain/contact.js';
import { contactView } from '../../output/views/contact.js';
import { updated } from '../../output/views/notices.js';
import { type ContactFlags, contactFields } from './shared.js';

export async function run({ args: [ref], opts }: Input<ContactFlags>, ctx: Context) {
  const contact = await ctx.write(async (tx) => {
    const { id } = await tx.refs.resolve(ref!, ['contact']);
    const before = (await tx.contacts.get(id))!;
    return tx.contacts.update(before, await contactFields(opts, ctx, tx, before));
  });
  return contactView(contactJson(contact), null, updated('contact', contact));
}
