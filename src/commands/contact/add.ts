import type { Input } from '../../cli/action.js';
import type { Context } from '../../context.js';
import { contactJson } from '../../domain/contact.js';
import { contactView } from '../../output/views/contact.js';
import { added } from '../../output/views/notices.js';
import { type ContactFlags, contactFields } from './shared.js';

export async function run({ args: [name], opts }: Input<ContactFlags>, ctx: Context) {
  const contact = await ctx.write(async (tx) => tx.contacts.create(await contactFields({ ...opts, name }, ctx, tx)));
  return contactView(contactJson(contact), null, added('contact', contact));
}
