import type { Context } from '../../context.js';
import { type Contact, contactJson } from '../../domain/contact.js';
import { check, checkAll, listLimit, tag } from '../../domain/check.js';
import { contactRows } from '../../output/views/contact.js';
import type { ContactInput } from './spec.js';

export async function run({ opts }: ContactInput<'list'>, ctx: Context) {
  const store = await ctx.store();
  // Every flag is checked and every name resolved before the first row is read, so a mistake prints no partial list.
  const filter = {
    tags: checkAll(tag, opts.tag, '--tag'),
    owner: opts.mine ? ctx.user : opts.owner,
    companyId: opts.company === undefined ? undefined : (await store.refs.resolve(opts.company, ['company'])).id,
    lifecycle: opts.lifecycle,
    consent: opts.consent,
    doNotContact: opts.doNotContact,
    search: opts.search,
    sort: opts.sort,
    desc: opts.desc,
    limit: check(listLimit, opts.limit, '--limit'),
  };
  // Neither is read until the output asks: JSON and NDJSON take the texts, every other form the contacts.
  return contactRows(asJson(store.contacts.batches(filter)), (separator) => store.contacts.texts(filter, separator));
}

async function* asJson(batches: AsyncIterable<Contact[]>) {
  for await (const batch of batches) yield batch.map(contactJson);
}
