import { type Link, type Stamps, stampsJson, type Wallet, walletJson, type Page } from './record.js';

export const BUYING_ROLES = ['decision-maker', 'influencer', 'champion', 'user', 'buyer', 'gatekeeper'] as const;
export const LIFECYCLES = ['lead', 'prospect', 'customer', 'former'] as const;
export const CONSENTS = ['opted-in', 'opted-out', 'unknown'] as const;
export type BuyingRole = (typeof BUYING_ROLES)[number];
export type Lifecycle = (typeof LIFECYCLES)[number];
export type Consent = (typeof CONSENTS)[number];

export interface ContactFields {
  name: string;
  emails: string[];
  phones: string[];
  title: string | null;
  companyId: number | null;
  role: BuyingRole | null;
  reportsToId: number | null;
  source: string | null;
  lifecycle: Lifecycle;
  consent: Consent;
  doNotContact: boolean;
  wallet: Wallet | null;
  owner: string;
  notes: string | null;
  externalId: string | null;
  tags: string[];
}

export interface Contact extends ContactFields, Stamps {
  id: number;
  company: Link | null;
  reportsTo: Link | null;
}

export const CONTACT_SORTS = ['name', 'id', 'created', 'updated', 'company'] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];

export interface ContactFilter {
  /** Instead of the sort and limit: one page in id order (exports). */
  page?: Page;
  tags?: string[];
  owner?: string;
  companyId?: number;
  lifecycle?: Lifecycle;
  consent?: Consent;
  /** Only those marked do-not-contact. */
  doNotContact?: boolean;
  search?: string;
  sort?: ContactSort;
  desc?: boolean;
  limit?: number;
}

export function contactJson(c: Contact) {
  return {
    id: c.id,
    name: c.name,
    emails: c.emails,
    phones: c.phones,
    title: c.title,
    company: c.company,
    role: c.role,
    reportsTo: c.reportsTo,
    source: c.source,
    lifecycle: c.lifecycle,
    consent: c.consent,
    doNotContact: c.doNotContact,
    ...walletJson(c.wallet),
    tags: c.tags,
    owner: c.owner,
    notes: c.notes,
    externalId: c.externalId,
    ...stampsJson(c),
  };
}
export type ContactJson = ReturnType<typeof contactJson>;

/**
 * What KEEP looks like after absorbing DUP: KEEP's values win, DUP fills KEEP's gaps, lists are united (KEEP's
 * first), notes are kept from both. A reports-to that would point at either of the two is dropped.
 */
export function mergeContactFields(keep: Contact, dup: Contact): ContactFields {
  const either = <T>(a: T | null, b: T | null) => a ?? b;
  const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
  const manager = either(keep.reportsToId, dup.reportsToId);
  return {
    name: keep.name,
    emails: union(keep.emails, dup.emails),
    phones: union(keep.phones, dup.phones),
    title: either(keep.title, dup.title),
    companyId: either(keep.companyId, dup.companyId),
    role: either(keep.role, dup.role),
    reportsToId: manager === keep.id || manager === dup.id ? null : manager,
    source: either(keep.source, dup.source),
    lifecycle: keep.lifecycle,
    consent: keep.consent === 'unknown' ? dup.consent : keep.consent,
    // Privacy first: if either record says "do not contact", the person said it.
    doNotContact: keep.doNotContact || dup.doNotContact,
    wallet: either(keep.wallet, dup.wallet),
    owner: keep.owner,
    notes: keep.notes && dup.notes && keep.notes !== dup.notes ? `${keep.notes}\n${dup.notes}` : either(keep.notes, dup.notes),
    externalId: either(keep.externalId, dup.externalId),
    tags: union(keep.tags, dup.tags).sort(),
  };
}
