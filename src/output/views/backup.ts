import type { Column, Section } from '../view.js';

/** What a table's rows are, as a person counts them: [one, many]. */
const KINDS: Record<string, [string, string]> = {
  company: ['company', 'companies'], contact: ['contact', 'contacts'], contact_email: ['email', 'emails'],
  contact_phone: ['phone number', 'phone numbers'], tag: ['tag', 'tags'], stage: ['stage', 'stages'], deal: ['deal', 'deals'],
  deal_stage_change: ['stage change', 'stage changes'], activity: ['activity', 'activities'], followup: ['follow-up', 'follow-ups'],
  orders: ['order', 'orders'], quota: ['quota', 'quotas'], change_set: ['change set', 'change sets'],
  journal: ['history entry', 'history entries'], rfm_snapshot: ['saved segmentation', 'saved segmentations'],
  rfm_snapshot_member: ['segment member', 'segment members'],
};

/** Rows that belong to another record (a contact's emails, a change set's entries): not named when records are. */
const PARTS = new Set(['contact_email', 'contact_phone', 'tag', 'deal_stage_change', 'journal', 'rfm_snapshot_member']);

const counted = (table: string, n: number) => {
  const [one, many] = KINDS[table] ?? [`${table} row`, `${table} rows`];
  return `${n} ${n === 1 ? one : many}`;
};

const andList = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** "1 company, 2 contacts and 3 change sets": what a database holds, per table with rows. */
export function holdingsText(holdings: Record<string, number>): string {
  const tables = Object.keys(holdings);
  const records = tables.filter((t) => !PARTS.has(t));
  return andList((records.length ? records : tables).map((t) => counted(t, holdings[t]!)));
}

export const notEmpty = (path: string, holdings: Record<string, number>) =>
  `${path} holds ${holdingsText(holdings)}; a backup restores only into an empty database`;
export const notEmptyHint = 'pass --force to replace them, keeping a copy in backups/ beside the database, or restore into a new file with --db';

const total = (rows: Record<string, number>) => Object.values(rows).reduce((a, b) => a + b, 0);

export const exportedTo = (path: string, rows: Record<string, number>) => `wrote a backup of ${total(rows)} rows to ${path}`;
export const exportedOut = (rows: Record<string, number>) => `wrote a backup of ${total(rows)} rows`;
export const restored = (r: { path: string; rows: Record<string, number>; migrated: string[] }) =>
  `restored ${total(r.rows)} rows into ${r.path}${r.migrated.length ? `, then migrated it (${r.migrated.join(', ')})` : ''}`;

const tablesSection: Section = {
  title: 'Tables', key: 'rows', rows: (r) => Object.entries(r.rows as Record<string, number>).map(([table, rows]) => ({ table, rows })),
  columns: [
    { header: 'Table', key: 'table', value: (r) => r.table },
    { header: 'Rows', key: 'rows', value: (r) => r.rows, type: 'count' },
  ],
};

export const exportFields: Column[] = [
  { header: 'Backup', key: 'path', value: (r) => r.path },
  { header: 'Size (bytes)', key: 'bytes', value: (r) => r.bytes, type: 'count' },
  { header: 'Format', key: 'format', value: (r) => `${r.format} ${r.version}` },
  { header: 'Schema', key: 'schema', value: (r) => r.schema },
];

export const restoreFields: Column[] = [
  { header: 'Database', key: 'path', value: (r) => r.path },
  { header: 'From', key: 'file', value: (r) => r.file },
  { header: 'Schema', key: 'schema', value: (r) => r.schema },
  { header: 'Migrated', key: 'migrated', value: (r) => r.migrated, type: 'list' },
  { header: 'Replaced', key: 'replaced', value: (r) => r.replaced, type: 'bool' },
  { header: 'Copy', key: 'copy', value: (r) => r.copy },
  { header: 'Search index', key: 'indexed', value: (r) => r.indexed, type: 'count' },
];

export const backupSections = [tablesSection];
