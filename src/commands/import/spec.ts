import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { listsNoRecords } from '../hooks.js';
import type { InputOf } from '../input.js';

/** `crm import ...`: every verb's arguments and help; the implementations are in this folder. */
export function importSpec(program: CommandUnknownOpts) {
  const importer = program.command('import').description('bring records in: restore a whole-database backup');
  return {
    backup: importer.command('backup').description('restore a backup written by crm export backup into an empty database')
      .argument('<file>', 'the backup (JSON), or - for standard input')
      .option('--force', 'replace the data the database holds (a copy of it is kept in backups/ beside it first)')
      .addHelpText('after', `
The database (--db, CRM_DB, config "db" or the default) must hold no records of yours: a new database's default
stages do not count, the backup's replace them. Otherwise it is a conflict (exit 4) that names what is there, unless
--force. A backup from an older crm is restored at its schema, then migrated. Everything is one transaction: a
truncated or damaged file (exit 2) leaves the database as it was. The search index is rebuilt.
Example:
  crm --db ~/restored.db import backup ~/crm-2026-03-11.json`)
      .hook('preAction', listsNoRecords),
  };
}

type Spec = ReturnType<typeof importSpec>;
export type ImportInput<Verb extends keyof Spec> = InputOf<Spec[Verb]>;
