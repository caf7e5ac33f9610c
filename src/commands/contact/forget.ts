import type { Context } from '../../context.js';
import { record } from '../../output/view.js';
import { forgetQuestion, forgotten, forgottenFields } from '../../output/views/contact.js';
import type { ContactInput } from './spec.js';

/** Erases a person in one write, then scrubs the database file of the bytes it freed. */
export async function run({ args: [ref] }: ContactInput<'forget'>, ctx: Context) {
  const store = await ctx.store();
  const target = await store.refs.resolve(ref!, ['contact']);
  await (await ctx.prompter()).confirm(...forgetQuestion(target));
  const erased = await ctx.write(async (tx) => {
    const contact = await tx.contacts.get(target.id);
    if (!contact) throw new Error(`contact #${target.id} vanished`);
    return tx.forget.forget(contact);
  });
  await store.compact();
  return record({ ...erased }, forgottenFields, { done: forgotten(erased) });
}
