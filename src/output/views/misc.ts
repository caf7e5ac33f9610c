import type { Setting } from '../../domain/config.js';
import type { Column } from '../view.js';

export const dbCheckFields: Column[] = [
  { header: 'Path', key: 'path', value: (r) => r.path },
  { header: 'OK', key: 'ok', value: (r) => r.ok, type: 'bool' },
  { header: 'Integrity', key: 'integrity', value: (r) => r.integrity, type: 'list' },
  { header: 'Foreign keys', key: 'foreignKeyViolations', value: (r) => r.foreignKeyViolations, type: 'count' },
  { header: 'Applied', key: 'migrationsApplied', value: (r) => r.migrationsApplied, type: 'list' },
  { header: 'Pending', key: 'migrationsPending', value: (r) => r.migrationsPending, type: 'list' },
  { header: 'Companies', key: 'companies', value: (r) => r.companies, type: 'count' },
  { header: 'Contacts', key: 'contacts', value: (r) => r.contacts, type: 'count' },
  { header: 'Size (bytes)', key: 'bytes', value: (r) => r.bytes, type: 'count' },
];

export const backupFields: Column[] = [
  { header: 'Backup', key: 'path', value: (r) => r.path },
  { header: 'Size (bytes)', key: 'bytes', value: (r) => r.bytes, type: 'count' },
];

export const restoreFields: Column[] = [
  { header: 'Restored', key: 'file', value: (r) => r.file },
  { header: 'Database', key: 'database', value: (r) => r.database },
  { header: 'Schema version', key: 'schema', value: (r) => r.schema },
  { header: 'Previous database', key: 'backup', value: (r) => r.backup },
];

export const copyFields: Column[] = [
  { header: 'From', key: 'from', value: (r) => r.from },
  { header: 'To', key: 'to', value: (r) => r.to },
  { header: 'Migrated', key: 'migrated', value: (r) => r.migrated, type: 'list' },
  { header: 'Rows', key: 'total', value: (r) => r.total, type: 'count' },
  { header: 'Search index', key: 'indexed', value: (r) => r.indexed, type: 'count' },
];

export const migrateFields: Column[] = [
  { header: 'Applied', key: 'applied', value: (r) => r.applied, type: 'list' },
  { header: 'Backup', key: 'backup', value: (r) => r.backup },
  { header: 'Schema version', key: 'version', value: (r) => r.version },
];

export const configColumns: Column[] = [
  { header: 'Key', key: 'key', value: (r) => r.key },
  { header: 'Value', key: 'value', value: (r) => r.text },
  // A config-file value of a shared setting applies only while the database has none; people see when it does not.
  { header: 'Source', key: 'source', value: (r) => (r.ignored === undefined ? r.source : `${r.source}; config file's ${settingText(r.ignored)} ignored`) },
  { header: 'Meaning', key: 'help', value: (r) => r.help },
];

/** A setting as text, in the form `config set` takes it: lists and rates comma-separated. */
export function settingText(v: Setting): string {
  if (v === null) return '';
  if (Array.isArray(v)) return v.join(',');
  if (typeof v === 'object') return Object.entries(v).map(([k, r]) => `${k}=${r}`).join(',');
  return String(v);
}

export const configValueFields: Column[] = [
  { header: 'Key', key: 'key', value: (r) => r.key },
  { header: 'Value', key: 'value', value: (r) => r.value },
];

export const searchColumns: Column[] = [
  { header: 'Kind', key: 'kind', value: (r) => r.kind },
  { header: 'ID', key: 'id', value: (r) => r.id },
  { header: 'Name', key: 'name', value: (r) => r.name },
  { header: 'Match', key: 'match', value: (r) => r.match },
];

export const demoFields: Column[] = [
  { header: 'Database', key: 'path', value: (r) => r.path },
  { header: 'Companies', key: 'companies', value: (r) => r.companies, type: 'count' },
  { header: 'Contacts', key: 'contacts', value: (r) => r.contacts, type: 'count' },
  { header: 'Deals', key: 'deals', value: (r) => r.deals, type: 'count' },
  { header: 'Activities', key: 'activities', value: (r) => r.activities, type: 'count' },
  { header: 'Follow-ups', key: 'followups', value: (r) => r.followups, type: 'count' },
  { header: 'Orders', key: 'orders', value: (r) => r.orders, type: 'count' },
  { header: 'Quotas', key: 'quotas', value: (r) => r.quotas, type: 'count' },
  { header: 'Try', key: 'try', value: (r) => r.try },
];
