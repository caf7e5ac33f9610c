import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { listsNoRecords } from '../hooks.js';
import type { InputOf } from '../input.js';

const HELP = `
Every record, in id order, with every field: CSV by default (the columns crm import reads back, linked records
by name and uuid), or --format json|ndjson (each record as list --json gives it), or tsv. A CSV cell a
spreadsheet would run as a formula (= + - @ first) gets a leading ', which crm import drops again.`;

/** `crm export ...`: every verb's arguments, flags and help; the implementation is export.ts. */
export function exportSpec(program: CommandUnknownOpts) {
  const exp = program.command('export').description('write every record of a kind to a file or standard output (CSV, JSON, NDJSON)');
  const kind = (name: string) => exp.command(name).description(`every ${name === 'followups' ? 'follow-up' : name.replace(/ies$/, 'y').replace(/s$/, '')}, as CSV (default), JSON or NDJSON`)
    .option('--output <file>', 'write to this file (written whole or not at all, mode 0600) instead of standard output')
    .hook('preAction', listsNoRecords)
    .addHelpText('after', `${HELP}\nExample:\n  crm export ${name} --output ${name}.csv`);
  return {
    companies: kind('companies'),
    contacts: kind('contacts'),
    deals: kind('deals'),
    activities: kind('activities'),
    followups: kind('followups'),
    orders: kind('orders'),
  };
}

type Spec = ReturnType<typeof exportSpec>;
export type ExportInput<Verb extends keyof Spec> = InputOf<Spec[Verb]>;
