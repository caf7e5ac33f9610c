import type { Candidate } from '../domain/reference.js';
import type { Repos } from '../store/store.js';
import type { LinkFlags } from './flags.js';

export interface Links {
  contactId: number | null;
  companyId: number | null;
  dealId: number | null;
}

/**
 * The records an activity or follow-up is about. Explicit flags win; a deal brings its company, and a contact
 * brings theirs, so `crm log call "Li Na"` also shows on Acme's timeline. A deal does not bring its main contact:
 * a note on a deal is not necessarily a conversation with that person.
 */
export async function resolveLinks(repos: Repos, flags: LinkFlags, also: Candidate[] = [], base?: Links): Promise<Links> {
  const picked: Partial<Record<'contact' | 'company' | 'deal', number>> = {};
  for (const c of also) if (c.kind === 'contact' || c.kind === 'company' || c.kind === 'deal') picked[c.kind] = c.id;
  if (flags.contact !== undefined) picked.contact = (await repos.refs.resolve(flags.contact, ['contact'], '--contact')).id;
  if (flags.company !== undefined) picked.company = (await repos.refs.resolve(flags.company, ['company'], '--company')).id;
  if (flags.deal !== undefined) picked.deal = (await repos.refs.resolve(flags.deal, ['deal'], '--deal')).id;

  let { contactId = null, companyId = null, dealId = null } = base ?? {};
  if (picked.deal !== undefined) {
    dealId = picked.deal;
    const deal = (await repos.deals.get(dealId))!;
    companyId = deal.companyId ?? companyId;
  }
  if (picked.contact !== undefined) {
    contactId = picked.contact;
    const person = (await repos.contacts.get(contactId))!;
    if (picked.company === undefined && person.companyId !== null) companyId = person.companyId;
  }
  if (picked.company !== undefined) companyId = picked.company;
  return { contactId, companyId, dealId };
}
