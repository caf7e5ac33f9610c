import type { ActivityJson } from '../../domain/activity.js';
import type { CompanyJson } from '../../domain/company.js';
import type { ContactJson } from '../../domain/contact.js';
import type { DealJson } from '../../domain/deal.js';
import type { FollowupJson } from '../../domain/followup.js';
import type { ImportKind } from '../../domain/imports/summary.js';
import type { OrderJson } from '../../domain/order.js';
import type { Link } from '../../domain/record.js';
import { csvQuote, spreadsheetCell, tsvClean } from '../cells.js';
import type { Column } from '../view.js';

/** The uuids of the records an exported record links to, which its JSON names by id and name only. */
export interface LinkUuids {
  companyUuid?: string | null;
  contactUuid?: string | null;
  reportsToUuid?: string | null;
  dealUuid?: string | null;
  customerUuid?: string | null;
}

/** A record as an export writes it: its JSON, and for CSV the uuids of what it links to. */
export interface Exported<J> {
  json: J;
  uuids: LinkUuids;
}

type Col<J> = Column<Exported<J>>;

/** A column of a JSON field, written as the renderers write cells (lists joined by "; ", booleans true/false). */
const field = <J>(key: keyof J & string, type?: Column['type']): Col<J> => ({ header: key, key, value: (r) => r.json[key], type });
const money = <J extends { currency: string | null }>(key: keyof J & string): Col<J> =>
  ({ header: key, key, value: (r) => r.json[key], type: 'money', currency: (r) => r.json.currency });
/** A linked record: its name, then its uuid (a file names records exactly by uuid, people by name). */
const link = <J>(key: keyof J & string, uuid: keyof LinkUuids): Col<J>[] => [
  { header: key, key, value: (r) => (r.json[key] as Link | null)?.name ?? null },
  { header: uuid, key: uuid, value: (r) => r.uuids[uuid] ?? null },
];
const stamps = <J extends { createdAt: string }>(): Col<J>[] =>
  (['createdAt', 'updatedAt', 'createdBy', 'updatedBy'] as const).map((k) => field<J>(k as keyof J & string));

/**
 * The columns `crm export KIND --format csv` writes: every field of the record's JSON, under its JSON name, with a
 * linked record as its name and uuid. They are the columns `crm import KIND` reads, so an export imports back.
 */
export const EXPORT_COLUMNS: { [K in ImportKind]: Column<Exported<never>>[] } = {
  companies: [
    field<CompanyJson>('id'), field<CompanyJson>('uuid'), field<CompanyJson>('name'), field<CompanyJson>('domain'), field<CompanyJson>('industry'),
    field<CompanyJson>('size'), field<CompanyJson>('address'), money<CompanyJson>('wallet'), field<CompanyJson>('currency'),
    field<CompanyJson>('tags', 'list'), field<CompanyJson>('owner'), field<CompanyJson>('notes'), field<CompanyJson>('externalId'),
    ...stamps<CompanyJson>(),
  ],
  contacts: [
    field<ContactJson>('id'), field<ContactJson>('uuid'), field<ContactJson>('name'), field<ContactJson>('emails', 'list'),
    field<ContactJson>('phones', 'list'), field<ContactJson>('title'), ...link<ContactJson>('company', 'companyUuid'), field<ContactJson>('role'),
    ...link<ContactJson>('reportsTo', 'reportsToUuid'), field<ContactJson>('source'), field<ContactJson>('lifecycle'), field<ContactJson>('consent'),
    field<ContactJson>('doNotContact'), money<ContactJson>('wallet'), field<ContactJson>('currency'), field<ContactJson>('tags', 'list'),
    field<ContactJson>('owner'), field<ContactJson>('notes'), field<ContactJson>('externalId'), ...stamps<ContactJson>(),
  ],
  deals: [
    field<DealJson>('id'), field<DealJson>('uuid'), field<DealJson>('title'), money<DealJson>('amount'), field<DealJson>('currency'),
    field<DealJson>('stage'), field<DealJson>('status'), field<DealJson>('probability'), field<DealJson>('forecastCategory'),
    money<DealJson>('weightedAmount'), field<DealJson>('expectedClose'), field<DealJson>('closedOn'), field<DealJson>('owner'),
    ...link<DealJson>('company', 'companyUuid'), ...link<DealJson>('contact', 'contactUuid'), field<DealJson>('source'),
    field<DealJson>('nextStep'), field<DealJson>('lostReason'), field<DealJson>('stale'), field<DealJson>('stageChangedAt'),
    field<DealJson>('lastActivityAt'), ...stamps<DealJson>(),
  ],
  activities: [
    field<ActivityJson>('id'), field<ActivityJson>('uuid'), field<ActivityJson>('type'), field<ActivityJson>('at'), field<ActivityJson>('summary'),
    field<ActivityJson>('outcome'), field<ActivityJson>('direction'), field<ActivityJson>('satisfaction'),
    ...link<ActivityJson>('contact', 'contactUuid'), ...link<ActivityJson>('company', 'companyUuid'), ...link<ActivityJson>('deal', 'dealUuid'),
    field<ActivityJson>('loggedBy'), ...stamps<ActivityJson>(),
  ],
  followups: [
    field<FollowupJson>('id'), field<FollowupJson>('uuid'), field<FollowupJson>('title'), field<FollowupJson>('due'), field<FollowupJson>('dueTime'),
    field<FollowupJson>('owner'), field<FollowupJson>('priority'), field<FollowupJson>('status'), field<FollowupJson>('overdue'),
    field<FollowupJson>('daysOverdue'), field<FollowupJson>('doneAt'), field<FollowupJson>('repeat'), field<FollowupJson>('notes'),
    ...link<FollowupJson>('contact', 'contactUuid'), ...link<FollowupJson>('company', 'companyUuid'), ...link<FollowupJson>('deal', 'dealUuid'),
    ...stamps<FollowupJson>(),
  ],
  orders: [
    field<OrderJson>('id'), field<OrderJson>('uuid'),
    { header: 'customer', key: 'customer', value: (r) => r.json.customer.name },
    { header: 'customerKind', key: 'customerKind', value: (r) => r.json.customer.kind },
    { header: 'customerUuid', key: 'customerUuid', value: (r) => r.uuids.customerUuid ?? null },
    field<OrderJson>('date'), money<OrderJson>('amount'), field<OrderJson>('currency'), field<OrderJson>('reference'),
    ...link<OrderJson>('deal', 'dealUuid'), ...stamps<OrderJson>(),
  ] as Col<OrderJson>[],
} as unknown as { [K in ImportKind]: Column<Exported<never>>[] };

export const EXPORT_FORMATS = ['csv', 'tsv', 'json', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How a format writes a stream of records: what comes first, each record, and what ends the file. */
export interface RecordWriter {
  start: string;
  record(r: Exported<unknown>, first: boolean): string;
  end(any: boolean): string;
}

/**
 * Writers for exports: CSV and TSV with the spreadsheet-safe cells of every CSV crm writes (a cell a spreadsheet
 * would run as a formula gets a leading '), JSON as `list --json` gives it (indented for a person at a terminal),
 * NDJSON one record a line.
 */
export function recordWriter(kind: ImportKind, format: ExportFormat, pretty: boolean): RecordWriter {
  switch (format) {
    case 'csv':
    case 'tsv': {
      const columns = EXPORT_COLUMNS[kind] as Column<Exported<unknown>>[];
      const [sep, quote] = format === 'csv' ? [',', csvQuote] : ['\t', tsvClean];
      return {
        start: `${columns.map((c) => quote(c.key)).join(sep)}\n`,
        record: (r) => `${columns.map((c) => quote(spreadsheetCell(c, r))).join(sep)}\n`,
        end: () => '',
      };
    }
    case 'json':
      return pretty
        ? { start: '[', record: (r, first) => `${first ? '\n' : ',\n'}  ${JSON.stringify(r.json, null, 2).replaceAll('\n', '\n  ')}`, end: (any) => (any ? '\n]\n' : ']\n') }
        : { start: '[', record: (r, first) => `${first ? '' : ','}${JSON.stringify(r.json)}`, end: () => ']\n' };
    case 'ndjson':
      return { start: '', record: (r) => `${JSON.stringify(r.json)}\n`, end: () => '' };
  }
}
