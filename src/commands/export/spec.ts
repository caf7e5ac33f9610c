import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { listsNoRecords } from '../hooks.js';
import type { InputOf } from '../input.js';

/** `crm export ...`: every verb's arguments and help; the implementations are in this folder. */
export function exportSpec(program: CommandUnknownOpts) {
  const exporter = program.command('export').description('write records out: a whole-database backup');
  return {
    backup: exporter.command('backup').description('write the whole database as one versioned JSON document (stdout, or --output FILE)')
      .option('--output <file>', 'write to FILE instead of standard output: in full or not at all (a temporary file renamed), mode 0600')
      .addHelpText('after', `
Every record with its id and UUID, the history (change sets and journal), stages, quotas and saved RFM
segmentations; money as integer minor units, text exactly. Not in it: the config file's settings and the search
index (rebuilt on restore). crm import backup FILE restores it into an empty database, on this crm or a later one.
crm db backup makes a SQLite copy instead: faster, but only for SQLite. crm help backups has the details.
Example:
  crm export backup --output ~/crm-$(date +%F).json`)
      .hook('preAction', listsNoRecords),
  };
}

type Spec = ReturnType<typeof exportSpec>;
export type ExportInput<Verb extends keyof Spec> = InputOf<Spec[Verb]>;
