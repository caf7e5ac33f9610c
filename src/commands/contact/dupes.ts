import type { Context } from '../../context.js';
import { check, listLimit } from '../../domain/check.js';
import { contactDupes, MAX_GROUP } from '../../domain/duplicates.js';
import { dupesView } from '../../output/views/duplicates.js';
import type { ContactInput } from './spec.js';

export async function run({ opts }: ContactInput<'dupes'>, ctx: Context) {
  const limit = check(listLimit, opts.limit, '--limit');
  const store = await ctx.store();
  const people = await store.contacts.matchValues();
  const { pairs, crowded } = contactDupes(people, { phoneCountry: ctx.config.phoneCountry ?? null });
  return dupesView('contact', {
    pairs: pairs.slice(0, limit), total: pairs.length, crowded, scanned: people.names.ids.length, maxGroup: MAX_GROUP,
  });
}
