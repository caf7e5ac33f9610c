import type { CompanyJson } from '../../domain/company.js';
import type { ContactJson } from '../../domain/contact.js';
import type { Column, Output } from '../view.js';
import { list, record } from '../view.js';
import type { CustomerTimeline } from '../../domain/timeline.js';
import { timelineFields, timelineSections } from './timeline.js';

export const companyColumns: Column<CompanyJson>[] = [
  { header: 'ID', key: 'id', value: (c) => c.id },
  { header: 'Name', key: 'name', value: (c) => c.name },
  { header: 'Domain', key: 'domain', value: (c) => c.domain },
  { header: 'Industry', key: 'industry', value: (c) => c.industry },
  { header: 'Size', key: 'size', value: (c) => c.size, type: 'count' },
  { header: 'Wallet', key: 'wallet', value: (c) => c.wallet, type: 'money', currency: (c) => c.currency },
  { header: 'Tags', key: 'tags', value: (c) => c.tags, type: 'list' },
  { header: 'Owner', key: 'owner', value: (c) => c.owner },
];

const companyFields: Column<CompanyJson>[] = [
  ...companyColumns,
  { header: 'Address', key: 'address', value: (c) => c.address },
  { header: 'External ID', key: 'externalId', value: (c) => c.externalId },
  { header: 'Notes', key: 'notes', value: (c) => c.notes },
  { header: 'Created', key: 'createdAt', value: (c) => c.createdAt, type: 'datetime' },
  { header: 'Updated', key: 'updatedAt', value: (c) => c.updatedAt, type: 'datetime' },
];

const contactRows: Column<ContactJson>[] = [
  { header: 'ID', key: 'id', value: (c) => c.id },
  { header: 'Name', key: 'name', value: (c) => c.name },
  { header: 'Title', key: 'title', value: (c) => c.title },
  { header: 'Role', key: 'role', value: (c) => c.role },
  { header: 'Email', key: 'email', value: (c) => c.emails[0] },
];

/** A company as `show`/`add`/`edit` give it; `contacts` appear in JSON only when the command loaded them. */
export const companyList = (companies: CompanyJson[]): Output => list(companies, companyColumns, 'no companies match');

/** What a merge adds to the company it kept: whom it absorbed and how many records of each kind moved over. */
type Merged = { mergedFrom?: { id: number; name: string }; moved?: Record<string, number> };

export function companyView(company: CompanyJson & Merged, contacts: ContactJson[] | null, done?: string, timeline?: CustomerTimeline): Output {
  const data = { ...company, ...(contacts ? { contacts } : {}), ...timeline };
  return record(data, timeline ? [...companyFields, ...timelineFields] as Column[] : companyFields, {
    done,
    sections: [
      ...(contacts ? [{ title: 'Contacts', key: 'contacts', rows: () => contacts, columns: contactRows, empty: 'no contacts yet' }] : []),
      ...(timeline ? timelineSections(timeline) : []),
    ],
  });
}
