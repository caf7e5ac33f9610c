import type { Input } from '../../cli/action.js';
import type { Context } from '../../context.js';
import { type Consent, type ContactSort, type Lifecycle, contactJson } from '../../domain/contact.js';
import { check, checkAll, listLimit, tag } from '../../domain/check.js';
import { contactList } from '../../output/views/contact.js';

interface Flags {
  tag?: string[];
  owner?: string;
  mine?: boolean;
  company?: string;
  lifecycle?: Lifecycle;
  consent?: Consent;
  doNotContact?: boolean;
  search?: string;
  sort: ContactSort;
  desc?: boolean;
  limit?: string;
}

export async function run({ opts }: Input<Flags>, ctx: Context) {
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
