import type { ContactJson } from '../../domain/contact.js';
import type { Link } from '../../domain/record.js';
import type { JoinedTexts } from '../row-stream.js';
import type { Column, Output } from '../view.js';
import { list, record, rows } from '../view.js';
import type { CustomerTimeline } from '../../domain/timeline.js';
import { timelineFields, timelineSections } from './timeline.js';

export const contactColumns: Column<ContactJson>[] = [
  { header: 'ID', key: 'id', value: (c) => c.id },
  { header: 'Name', key: 'name', value: (c) => c.name },
  { header: 'Email', key: 'emails', value: (c) => c.emails, type: 'list' },
  { header: 'Title', key: 'title', value: (c) => c.title },
  { header: 'Company', key: 'company', value: (c) => c.company?.name },
  { header: 'Role', key: 'role', value: (c) => c.role },
  { header: 'Lifecycle', key: 'lifecycle', value: (c) => c.lifecycle },
  { header: 'Tags', key: 'tags', value: (c) => c.tags, type: 'list' },
  { header: 'Owner', key: 'owner', value: (c) => c.owner },
];

const contactFields: Column<ContactJson>[] = [
  { header: 'ID', key: 'id', value: (c) => c.id },
  { header: 'Name', key: 'name', value: (c) => c.name },
  { header: 'Emails', key: 'emails', value: (c) => c.emails, type: 'list' },
  { header: 'Phones', key: 'phones', value: (c) => c.phones, type: 'list' },
  { header: 'Title', key: 'title', value: (c) => c.title },
  { header: 'Company', key: 'company', value: (c) => c.company && `${c.company.name} (#${c.company.id})` },
  { header: 'Role', key: 'role', value: (c) => c.role },
  { header: 'Reports to', key: 'reportsTo', value: (c) => c.reportsTo && `${c.reportsTo.name} (#${c.reportsTo.id})` },
  { header: 'Source', key: 'source', value: (c) => c.source },
  { header: 'Lifecycle', key: 'lifecycle', value: (c) => c.lifecycle },
  { header: 'Consent', key: 'consent', value: (c) => c.consent },
  { header: 'Do not contact', key: 'doNotContact', value: (c) => c.doNotContact, type: 'bool' },
  { header: 'Wallet', key: 'wallet', value: (c) => c.wallet, type: 'money', currency: (c) => c.currency },
  { header: 'Tags', key: 'tags', value: (c) => c.tags, type: 'list' },
  { header: 'Owner', key: 'owner', value: (c) => c.owner },
  { header: 'External ID', key: 'externalId', value: (c) => c.externalId },
  { header: 'Notes', key: 'notes', value: (c) => c.notes },
  { header: 'Created', key: 'createdAt', value: (c) => c.createdAt, type: 'datetime' },
  { header: 'Updated', key: 'updatedAt', value: (c) => c.updatedAt, type: 'datetime' },
];

const reportColumns: Column<ContactJson>[] = [
  { header: 'ID', key: 'id', value: (c) => c.id },
  { header: 'Name', key: 'name', value: (c) => c.name },
  { header: 'Title', key: 'title', value: (c) => c.title },
  { header: 'Role', key: 'role', value: (c) => c.role },
];

/** A contact as `show`/`add`/`edit` give it; `reports` (direct reports) only where the command loaded them. */
export const contactList = (contacts: ContactJson[]): Output => list(contacts, contactColumns, 'no contacts match');

/** `contact list` as it streams: the same columns and words as contactList; `texts` are the rows as JSON text. */
export const contactRows = (batches: AsyncIterable<ContactJson[]>, texts: JoinedTexts): Output =>
  rows(batches, contactColumns, 'no contacts match', texts);

export function contactView(contact: ContactJson & { mergedFrom?: Link }, reports: ContactJson[] | null, done?: string,
  timeline?: CustomerTimeline): Output {
  const data = { ...contact, ...(reports ? { reports: reports.map(({ id, name, title, role }) => ({ id, name, title, role })) } : {}), ...timeline };
  return record(data, timeline ? [...contactFields, ...timelineFields] as Column[] : contactFields, {
    done,
    sections: [
      ...(reports?.length ? [{ title: 'Direct reports', key: 'reports', rows: () => reports, columns: reportColumns }] : []),
      ...(timeline ? timelineSections(timeline) : []),
    ],
  });
}

export const forgetQuestion = (c: { id: number; name: string }): [string, string] =>
  [`Erase contact #${c.id} ${c.name} everywhere, history included? This cannot be undone.`, `erase contact #${c.id}`];

export const forgottenFields: Column[] = [
  { header: 'Erasure', key: 'erasure', value: (r) => r.erasure },
  { header: 'At', key: 'at', value: (r) => r.at, type: 'datetime' },
  { header: 'By', key: 'by', value: (r) => r.by },
  { header: 'Deals kept', key: 'deals', value: (r) => r.deals, type: 'count' },
  { header: 'Activities kept', key: 'activities', value: (r) => r.activities, type: 'count' },
  { header: 'Follow-ups kept', key: 'followups', value: (r) => r.followups, type: 'count' },
  { header: 'Orders kept', key: 'orders', value: (r) => r.orders, type: 'count' },
  { header: 'Reports detached', key: 'reports', value: (r) => r.reports, type: 'count' },
  { header: 'Campaign memberships removed', key: 'campaignMemberships', value: (r) => r.campaignMemberships, type: 'count' },
  { header: 'History entries erased', key: 'historyEntries', value: (r) => r.historyEntries, type: 'count' },
];

export const forgotten = (e: { erasure: number }) =>
  `erased the person everywhere (erasure #${e.erasure}); backups made before still hold them`;
