import { type Command, type CommandUnknownOpts, Option, type OptionValues } from '@commander-js/extra-typings';
import { PRESET_NAMES } from '../../domain/imports/preset-names.js';
import { ENCODINGS } from '../../io/encodings.js';
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
  .option('--allow-forgotten', 'let a new contact have the email of a person who was erased (crm contact forget), who asked to come back');

const HELP = `
Rows are matched to records by uuid, then email (contacts), domain (companies) or external id, then exact name;
a matched record is left alone unless --update. Importing a file twice changes nothing. Every row is checked
before anything is written: a bad row fails the import (exit 2), naming its line, field and column.
The columns are those crm export writes (crm help import has them, kind by kind).`;

/** `crm import ...`: every verb's arguments, flags and help; the implementations are in this folder. */
export function importSpec(program: CommandUnknownOpts) {
  const imp = program.command('import')
    .description("bring records in: crm's own exports, other products' CSV exports, vCard files, a whole-database backup")
    .hook('preAction', listsNoRecords);
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

    responses: imp.command('responses').description('responses to campaigns from CSV (campaign,member,date[,outcome]); - reads stdin')
      .argument('<file>', 'CSV file with a header row, or - for standard input')
      .option('--campaign <campaign>', 'the campaign of every row (then the file needs no campaign column)')
      .addOption(repeatable('--map <field=column>', 'read a field from another column, e.g. member=Email (repeatable)'))
      .option('--dry-run', 'check every row and count; write nothing')
      .option('--delimiter <char>', 'field separator (default: what the header line uses of , ; and tab)')
      .addHelpText('after', `
A member is named by email, name, id or contact:ID / company:ID, and must be a member of the campaign (treated or
holdout: a holdout member's response is what the control measures). A response already recorded with the same date
and outcome is skipped, so importing twice changes nothing.
Example:
  crm import responses replies.csv --campaign "Spring 2026" --map member=Email --map date=Replied`),

    vcard: imp.command('vcard').description("contacts from a vCard file (2.1, 3.0 or 4.0), e.g. a phone's export; - reads stdin")
      .argument('<file>', '.vcf file, or - for standard input')
      .option('--dry-run', 'check every card and count what would change; write nothing')
      .option('--update', "give contacts that are already there the card's fields (without it they are left as they are)")
      .option('--allow-forgotten', 'add people though an email of theirs was erased (crm contact forget) before')
      .addHelpText('after', `
A card is the contact already in crm with its UID (a card crm exported), else one of its emails, else its external
id (X-CRM-EXTERNAL-ID), else its exact name; any other card adds a contact. With --update a matched contact takes
the card's name, title, company, buying role, notes and external id, and gains its emails, phones and tags.
FN is the name (N builds one when FN is missing), ORG's first part the company (found by name, or added),
CATEGORIES the tags ("Key Account" becomes key-account), NOTE the notes; every EMAIL and TEL is kept, the
preferred first. A manager (4.0 RELATED, Apple's X-ABRELATEDNAMES labelled Manager, Outlook's X-MS-MANAGER) becomes
the reports-to link when that person is in the file or already in crm; one found nowhere is listed, not an error.
Cards of organisations (KIND:org, Apple's company cards) add companies; groups are skipped. Photos are skipped.
Every card is checked first: a bad one is listed by line and field, and nothing is imported (exit 2).
Examples:
  crm import vcard ~/Downloads/contacts.vcf --dry-run
  crm import vcard contacts.vcf --update`),

    backup: imp.command('backup').description('restore a backup written by crm export backup into an empty database')
      .argument('<file>', 'the backup (JSON), or - for standard input')
      .option('--force', 'replace the data the database holds (a copy of it is kept in backups/ beside it first)')
      .addHelpText('after', `
The database (--db, CRM_DB, config "db" or the default) must hold no records of yours: a new database's default
stages do not count, the backup's replace them. Otherwise it is a conflict (exit 4) that names what is there, unless
--force. A backup from an older crm is restored at its schema, then migrated. Everything is one transaction: a
truncated or damaged file (exit 2) leaves the database as it was. The search index is rebuilt.
Example:
  crm --db ~/restored.db import backup ~/crm-2026-03-11.json`),
  };
}

type Spec = ReturnType<typeof importSpec>;
export type ImportInput<Verb extends keyof Spec> = InputOf<Spec[Verb]>;
/** The CSV imports' input: the same flags for every kind. */
export type CsvImportInput = ImportInput<'contacts'>;
