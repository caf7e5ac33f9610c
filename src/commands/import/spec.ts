import { type Command, type CommandUnknownOpts, Option, type OptionValues } from '@commander-js/extra-typings';
import { PRESET_NAMES } from '../../domain/imports/presets.js';
import { ENCODINGS } from '../../io/csv.js';
import { repeatable } from '../flags.js';
import { listsNoRecords } from '../hooks.js';
import type { InputOf } from '../input.js';

/** What every CSV import takes. */
const csvFlags = <A extends unknown[], O extends OptionValues, G extends OptionValues>(cmd: Command<A, O, G>) => cmd
  .addOption(new Option('--preset <product>', 'read another product\'s export: google, outlook (contacts); hubspot, pipedrive, salesforce (contacts, companies, deals)')
    .choices(PRESET_NAMES))
  .addOption(repeatable('--map <field=column>', 'read a field from another column, e.g. name="Full Name" (repeatable; wins over --preset)'))
  .option('--update', 'matched records take the row\'s fields (default: they are left as they are)')
  .option('--dry-run', 'check every row and say what would be created, updated and skipped; write nothing')
  .option('--delimiter <char>', 'field separator (default: what the header line uses of , ; and tab)')
  .addOption(new Option('--encoding <name>', 'the file\'s encoding (default: from its byte-order mark, else UTF-8)').choices(ENCODINGS))
  .option('--currency <code>', 'currency of amounts without one (default: config currency)')
  .hook('preAction', listsNoRecords);

const HELP = `
Rows are matched to records by uuid, then email (contacts), domain (companies) or external id, then exact name;
a matched record is left alone unless --update. Importing a file twice changes nothing. Every row is checked
before anything is written: a bad row fails the import (exit 2), naming its line, field and column.
The columns are those crm export writes (crm help import has them, kind by kind).`;

/** `crm import ...`: every verb's arguments, flags and help; the implementations are in this folder. */
export function importSpec(program: CommandUnknownOpts) {
  const imp = program.command('import').description('bring records in from files: crm\'s own exports and other products\'');
  const csv = (kind: string, example: string) => csvFlags(imp.command(kind).description(`import ${kind} from CSV (- reads stdin)`)
    .argument('<file>', 'CSV file with a header row, or - for standard input'))
    .addHelpText('after', `${HELP}\nExample:\n  ${example}`);
  return {
    contacts: csv('contacts', 'crm import contacts contacts.csv --preset google --dry-run'),
    companies: csv('companies', 'crm import companies accounts.csv --preset salesforce'),
    deals: csv('deals', 'crm import deals deals.csv --preset pipedrive'),
    activities: csv('activities', 'crm import activities activities.csv'),
    followups: csv('followups', 'crm import followups followups.csv'),
    orders: csv('orders', 'crm import orders orders.csv'),
  };
}

type Spec = ReturnType<typeof importSpec>;
export type ImportInput<Verb extends keyof Spec> = InputOf<Spec[Verb]>;
/** The CSV imports' input: the same flags for every kind. */
export type CsvImportInput = ImportInput<'contacts'>;
