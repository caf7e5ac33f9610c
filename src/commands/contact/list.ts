import type { Context } from '../../context.js';
import { contactJson } from '../../domain/contact.js';
import { check, checkAll, listLimit, tag } from '../../domain/check.js';
import { contactList } from '../../output/views/contact.js';
import type { ContactInput } from './spec.js';

export async function run({ opts }: ContactInput<'list'>, ctx: Context) {
  const store = await ctx.store();
  const contacts = await store.contacts.list({
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
  });
  return contactList(contacts.map(contactJson));
}
