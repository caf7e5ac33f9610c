import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { listsNoRecords } from '../hooks.js';
import type { InputOf } from '../input.js';

/** `crm db ...`: every verb's arguments and help; the implementations are in this folder. */
export function dbSpec(program: CommandUnknownOpts) {
  const db = program.command('db').description('where the data lives: path, integrity check, backups, migrations')
    .hook('preAction', listsNoRecords);
  return {
    path: db.command('path').description('print the database location and where it was chosen from'),
    check: db.command('check').description('check integrity, foreign keys and schema version'),
    backup: db.command('backup').description('write a consistent copy of the database (default: backups/ beside it)')
      .argument('[file]', 'where to write the copy'),
    migrate: db.command('migrate').description('apply pending schema migrations now (crm also does this on open)'),
    restore: db.command('restore').description('put a backup in place of the database (the current one is backed up first)')
      .argument('<file>', 'the backup: crm db backup\'s, or one of backups/ beside the database'),
    copy: db.command('copy').description('copy the whole database to an empty one: a file to a team server, or back')
      .option('--to <db>', 'copy this database into DB (a file path or postgres://...), which must be empty')
      .option('--from <db>', 'copy DB (a file path or postgres://...) into this database, which must be empty'),
  };
}

type Spec = ReturnType<typeof dbSpec>;
export type DbInput<Verb extends keyof Spec> = InputOf<Spec[Verb]>;
