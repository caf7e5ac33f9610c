import { type CommandUnknownOpts, Option } from '@commander-js/extra-typings';
import { VCARD_VERSIONS } from '../../domain/vcard/versions.js';
import { listsNoRecords } from '../hooks.js';
import type { InputOf } from '../input.js';

const OUTPUT = 'write FILE instead of stdout: atomically (a temporary file renamed over it) with mode 0600';

const HELP = `
Every record, in id order, with every field: CSV by default (the columns crm import reads back, linked records
by name and uuid), or --format json|ndjson (each record as list --json gives it), or tsv. A CSV cell a
spreadsheet would run as a formula (= + - @ first) gets a leading ', which crm import drops again.`;

/** `crm export ...`: every verb's arguments, flags and help; the implementations are in this folder. */
export function exportSpec(program: CommandUnknownOpts) {
  const out = program.command('export')
    .description('write records for other programs and backups: CSV, JSON, NDJSON, vCard, iCalendar, a whole-database backup')
    .hook('preAction', listsNoRecords);
  const kind = (name: string) => out.command(name).description(`every ${name === 'followups' ? 'follow-up' : name.replace(/ies$/, 'y').replace(/s$/, '')}, as CSV (default), JSON or NDJSON`)
    .option('--output <file>', OUTPUT)
    .addHelpText('after', `${HELP}\nExample:\n  crm export ${name} --output ${name}.csv`);
  return {
    companies: kind('companies'),
    contacts: kind('contacts'),
    deals: kind('deals'),
    activities: kind('activities'),
    followups: kind('followups'),
    orders: kind('orders'),

    vcard: out.command('vcard').description('every contact as a vCard, with its stable UID (to stdout, or --output FILE)')
      .addOption(new Option('--version <version>', 'vCard version: 3.0 for phones and most address books, 4.0 by RFC 6350').choices(VCARD_VERSIONS).default('3.0' as const))
      .option('--output <file>', OUTPUT)
      .addHelpText('after', `
Each card has the contact's name, company (ORG), title, emails and phones (the first preferred), tags
(CATEGORIES), notes (NOTE), manager (3.0: X-ABRELATEDNAMES labelled Manager, as Apple writes it; 4.0:
RELATED;TYPE=x-manager), buying role and external id (X-CRM-ROLE, X-CRM-EXTERNAL-ID) and a UID that
'crm import vcard' matches: importing the file again updates those contacts instead of adding copies.
Examples:
  crm export vcard > contacts.vcf
  crm export vcard --version 4.0 --output ~/Sync/contacts.vcf`),

    ics: out.command('ics').description('open follow-ups as VTODO and meetings as VEVENT, for calendar programs (to stdout, or --output FILE)')
      .option('--owner <user>', "only this owner's follow-ups and the meetings they logged")
      .option('--from <date>', 'only follow-ups due and meetings on or after this day')
      .option('--to <date>', 'only follow-ups due and meetings on or before this day')
      .option('--all', 'completed follow-ups too (STATUS:COMPLETED)')
      .option('--duration <length>', 'how long every meeting is: 30m, 1h, 1h30m (crm keeps when a meeting starts, not its length)', '1h')
      .option('--output <file>', OUTPUT)
      .addHelpText('after', `
Each item has a stable UID (the record's uuid@crm), so a calendar that reads the file again updates what it
showed. A follow-up is a VTODO: DUE (a date, or a floating local time: 14:00 stays 14:00 in any time zone),
PRIORITY (high 1, normal 5, low 9), STATUS, notes and what it is about as DESCRIPTION, and for a repeating one its
series as RRULE (the 31st of each month stays the month's end). A meeting is a VEVENT: DTSTART (UTC), DURATION
(--duration), SUMMARY, and the contact's email as ATTENDEE. --output replaces the file in one step, so a calendar
subscribed to it never reads half of it.
Examples:
  crm export ics --owner alice --from today --to +3m > alice.ics
  crm export ics --output ~/Calendars/crm.ics --duration 30m`),

    backup: out.command('backup').description('write the whole database as one versioned JSON document (stdout, or --output FILE)')
      .option('--output <file>', 'write to FILE instead of standard output: in full or not at all (a temporary file renamed), mode 0600')
      .addHelpText('after', `
Every record with its id and UUID, the history (change sets and journal), stages, quotas and saved RFM
segmentations; money as integer minor units, text exactly. Not in it: the config file's settings and the search
index (rebuilt on restore). crm import backup FILE restores it into an empty database, on this crm or a later one.
crm db backup makes a SQLite copy instead: faster, but only for SQLite. crm help backups has the details.
Example:
  crm export backup --output ~/crm-$(date +%F).json`),
  };
}

type Spec = ReturnType<typeof exportSpec>;
export type ExportInput<Verb extends keyof Spec> = InputOf<Spec[Verb]>;
