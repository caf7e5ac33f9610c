import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { listsNoRecords } from '../hooks.js';
import type { InputOf } from '../input.js';

/** `crm import ...`: every verb's arguments, flags and help; the implementations are in this folder. */
export function importSpec(program: CommandUnknownOpts) {
  const imp = program.command('import').description('read records from other programs: vCard')
    .hook('preAction', listsNoRecords);
  return {
    vcard: imp.command('vcard').description("contacts from a vCard file (2.1, 3.0 or 4.0), e.g. a phone's export; - reads stdin")
      .argument('<file>', '.vcf file, or - for standard input')
      .option('--dry-run', 'check every card and count what would change; write nothing')
      .option('--update', "give contacts that are already there the card's fields (without it they are left as they are)")
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
  };
}

type Spec = ReturnType<typeof importSpec>;
export type ImportInput<Verb extends keyof Spec> = InputOf<Spec[Verb]>;
