import { type Command, Option } from 'commander';
import type { Context } from '../context.js';
import { SEARCH_KINDS } from '../domain/reference.js';
import { lazy, listsNoRecords } from './action.js';

export function registerDb(program: Command, ctx: Context): void {
  const db = program.command('db').description('where the data lives: path, integrity check, backups, migrations')
    .hook('preAction', listsNoRecords);
  db.command('path').description('print the database location and where it was chosen from')
    .action(lazy(ctx, () => import('../commands/db/path.js')));
  db.command('check').description('check integrity, foreign keys and schema version')
    .action(lazy(ctx, () => import('../commands/db/check.js')));
  db.command('backup').description('write a consistent copy of the database (default: backups/ beside it)')
    .argument('[file]', 'where to write the copy')
    .action(lazy(ctx, () => import('../commands/db/backup.js')));
  db.command('migrate').description('apply pending schema migrations now (crm also does this on open)')
    .action(lazy(ctx, () => import('../commands/db/migrate.js')));
}

export function registerConfig(program: Command, ctx: Context): void {
  const config = program.command('config').description('settings in $XDG_CONFIG_HOME/crm/config.json')
    .hook('preAction', listsNoRecords);
  config.command('get').description('print one setting').argument('<key>')
    .action(lazy(ctx, () => import('../commands/config/get.js')));
  config.command('set').description('change one setting (validated)').argument('<key>').argument('<value>')
    .action(lazy(ctx, () => import('../commands/config/set.js')));
  config.command('unset').description('remove one setting, back to its default').argument('<key>')
    .action(lazy(ctx, () => import('../commands/config/unset.js')));
  config.command('list').alias('ls').description('every setting, its value and where the value comes from')
    .action(lazy(ctx, () => import('../commands/config/list.js')));
  config.command('path').description('print the config file location')
    .action(lazy(ctx, () => import('../commands/config/path.js')));
}

export function registerSearch(program: Command, ctx: Context): void {
  program.command('search').description('full-text search over companies, contacts, deals and activities')
    .argument('<text...>', 'words to find; each matches the start of a word')
    .addOption(new Option('--kind <kind>', 'only this kind of record').choices(SEARCH_KINDS))
    .option('--limit <n>', 'at most n results', '20')
    .action(lazy(ctx, () => import('../commands/search/search.js')));
}

export function registerHistory(program: Command, ctx: Context): void {
  program.command('history').description('every change to a record: when, who, what changed')
    .argument('<ref>', 'id, name or email; qualify the kind if needed (contact:12)')
    .hook('preAction', listsNoRecords)
    .action(lazy(ctx, () => import('../commands/history/history.js')));
}
