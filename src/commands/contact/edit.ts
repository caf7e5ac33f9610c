import type { Context } from '../../context.js';
import { ownerOnRoster } from '../fields.js';
import { contactJson } from '../../domain/contact.js';
import { contactView } from '../../output/views/contact.js';
import { updated } from '../../output/views/notices.js';
import { givenOrPicked, pickRecord } from '../ask/pickers.js';
import { changesOf, stillAsSeen } from '../ask/questions.js';
import { contactChangeQuestions } from './ask.js';
import { contactFields } from './shared.js';
import type { ContactInput } from './spec.js';

const USAGE = 'crm contact edit CONTACT --title T --company C --role R --add-email E ...';

export async function run({ args: [given], opts }: ContactInput<'edit'>, ctx: Context) {
  await ownerOnRoster(ctx, opts.owner);
  const ref = await givenOrPicked(ctx, given, 'CONTACT', USAGE, pickRecord(ctx, ['contact'], 'Contact to edit (type to search)'));
  const { flags, seen } = await changesOf(ctx, opts, USAGE, async (store) => (await store.contacts.get((await store.refs.resolve(ref, ['contact'])).id))!,
    (contact) => contactChangeQuestions(ctx, contact));
  if (flags.owner !== opts.owner) await ownerOnRoster(ctx, flags.owner); // answered at a prompt
  const { currency } = (await ctx.shared()).values;
  const contact = await ctx.write(async (tx) => {
    const { id } = await tx.refs.resolve(ref, ['contact']);
    const before = (await tx.contacts.get(id))!;
    stillAsSeen(seen, before, `contact #${before.id} ${before.name}`);
    return tx.contacts.update(before, await contactFields(flags, ctx, tx, currency, before));
  });
  return contactView(contactJson(contact), null, updated('contact', contact));
}
