import { type CommandUnknownOpts, Option } from '@commander-js/extra-typings';
import { VCARD_VERSIONS } from '../../domain/vcard/card.js';
import { listsNoRecords } from '../hooks.js';
import type { InputOf } from '../input.js';

const OUTPUT = 'write FILE instead of stdout: atomically (a temporary file renamed over it) with mode 0600';

/** `crm export ...`: every verb's arguments, flags and help; the implementations are in this folder. */
export function exportSpec(program: CommandUnknownOpts) {
  const out = program.command('export').description('write records for other programs: vCard, iCalendar')
    .hook('preAction', listsNoRecords);
  return {
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
  };
}

type Spec = ReturnType<typeof exportSpec>;
export type ExportInput<Verb extends keyof Spec> = InputOf<Spec[Verb]>;
