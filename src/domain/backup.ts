import { CrmError } from '../errors.js';
import { visible } from './check.js';

/**
 * The backup document (`crm export backup`, `crm import backup`): one JSON object,
 *
 *   {"format":"crm-backup","version":1,"schema":5,"exportedAt":"…","exportedBy":"alice","sequences":{"company":12,…},
 *   "tables":{
 *   "company":[
 *   {"id":1,"name":"Acme GmbH",…},
 *   …
 *   ],
 *   …}}
 *
 * `version` is this format's; `schema` the number of migrations the database had. Every table of ours is under
 * `tables`, its rows as objects of column names and stored values: ids and uuids as they are, money as integers of
 * minor units (past 2^53 too: the digits are written as they are), text exactly, NULL as null. One row a line, so a
 * backup reads in a pager and compares with diff. `sequences` has each table's last id handed out.
 */
export const BACKUP_FORMAT = 'crm-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  schema: number;
  exportedAt: string;
  exportedBy: string;
}

/** The document up to its first table. */
export function documentStart(header: BackupHeader, sequences: Record<string, number>): string {
  return `${JSON.stringify({ ...header, sequences }).slice(0, -1)},"tables":{`;
}

export const documentEnd = '\n}}\n';

/** A table's opening (`first` says whether another table came before it) and closing. */
export const tableStart = (name: string, first: boolean) => `${first ? '' : ','}\n${JSON.stringify(name)}:[`;
export const tableEnd = (rows: number) => (rows ? '\n]' : ']');

/** A batch of rows (each the JSON text of an object); `first` says whether it starts the table. */
export const rowsText = (rows: readonly string[], first: boolean) => `${first ? '\n' : ',\n'}${rows.join(',\n')}`;

const stdinName = (file: string) => (file === '-' ? 'standard input' : file);

const hint = 'restore a file written by crm export backup';

/**
 * The header of a backup, checked before anything is written: a file that is not a backup, a format version this crm
 * does not read, or a schema newer than this crm's is refused (exit 2). `schema` is this crm's migration count.
 */
export function checkHeader(fields: Record<string, unknown>, file: string, schema: number): BackupHeader {
  const name = stdinName(file);
  const { format, version, schema: at } = fields;
  if (format !== BACKUP_FORMAT) {
    const said = typeof format === 'string' ? `format "${visible(format.slice(0, 40))}"` : 'no format "crm-backup"';
    throw new CrmError('validation', `${name} is not a crm backup (${said})`, hint);
  }
  if (!Number.isSafeInteger(version) || (version as number) < 1) {
    throw new CrmError('validation', `${name} has no valid format version (a whole number from 1)`, hint);
  }
  if ((version as number) > BACKUP_VERSION) {
    throw new CrmError('validation', `${name} is a crm backup of format version ${version as number}; this crm reads version ${BACKUP_VERSION}`,
      'upgrade crm to restore it');
  }
  if (!Number.isSafeInteger(at) || (at as number) < 1) {
    throw new CrmError('validation', `${name} has no valid schema (the number of migrations, from 1)`, hint);
  }
  if ((at as number) > schema) {
    throw new CrmError('validation', `${name} was written at schema ${at as number}; this crm knows schema ${schema}`, 'upgrade crm to restore it');
  }
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return { format: BACKUP_FORMAT, version: version as number, schema: at as number, exportedAt: text(fields.exportedAt), exportedBy: text(fields.exportedBy) };
}

/** Why a backup file could not be read, as the one line the user sees. */
export function unreadable(file: string, problem: { kind: 'truncated' | 'syntax' | 'not-object'; line: number; table?: string; detail?: string }): CrmError {
  const name = stdinName(file);
  const retake = 'take the backup again, or restore a complete copy';
  switch (problem.kind) {
    case 'not-object': return new CrmError('validation', `${name} is not a crm backup (not a JSON object)`, hint);
    case 'truncated': return problem.table === undefined
      ? new CrmError('validation', `${name} ends before the document does: the backup is incomplete`, retake)
      : new CrmError('validation', `${name} ends inside table ${problem.table} at line ${problem.line}: the backup is incomplete`, retake);
    case 'syntax': return new CrmError('validation', `${name}: line ${problem.line}: not valid JSON (${problem.detail ?? 'unexpected text'})`, retake);
  }
}
