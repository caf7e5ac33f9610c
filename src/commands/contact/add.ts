import type { Context } from '../../context.js';
import { ownerOnRoster } from '../fields.js';
import { contactJson } from '../../domain/contact.js';
import { contactView } from '../../output/views/contact.js';
import { added } from '../../output/views/notices.js';
import { contactFields, refuseForgotten } from './shared.js';
import type { ContactFlags, ContactInput } from './spec.js';

export async function run({ args: [name], opts }: ContactInput<'add'>, ctx: Context) {
  await ownerOnRoster(ctx, opts.owner);
  let flags: ContactFlags = { ...opts, name };
  if (name === undefined) {
    const p = await ctx.ask(['NAME'], 'crm contact add NAME [--email E] [--company C]');
    // Loaded only to prompt: a script's `contact add NAME` pays for no questions, pickers or date formatting.
    const [{ askMissing }, { newContactQuestions }] = await Promise.all([import('../ask/questions.js'), import('./ask.js')]);
    const { firstEmail, ...answers } = await askMissing(p, { ...flags, firstEmail: opts.email?.[0] }, newContactQuestions(ctx));
    flags = { ...answers, email: opts.email ?? (firstEmail ? [firstEmail] : undefined) };
    if (flags.owner !== opts.owner) await ownerOnRoster(ctx, flags.owner); // answered at a prompt
  }
  const { currency } = (await ctx.shared()).values;
  const contact = await ctx.write(async (tx) => {
    const fields = await contactFields(flags, ctx, tx, currency);
    if (!opts.allowForgotten) await refuseForgotten(tx, fields.emails, '--email');
    return tx.contacts.create(fields);
  });
  return contactView(contactJson(contact), null, added('contact', contact));
}
