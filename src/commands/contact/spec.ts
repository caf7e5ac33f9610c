import { type Command, type CommandUnknownOpts, Option, type OptionValues } from '@commander-js/extra-typings';
import { BUYING_ROLES, CONSENTS, CONTACT_SORTS, LIFECYCLES } from '../../domain/contact.js';
import { listFlags, recordFlags, repeatable, tagEditFlags, tagFlag } from '../flags.js';
import { listsNoRecords } from '../hooks.js';
import type { InputOf, OptsOf } from '../input.js';

const contactFlags = <A extends unknown[], O extends OptionValues, G extends OptionValues>(cmd: Command<A, O, G>) => recordFlags(cmd
  .addOption(new Option('--title <text>', 'job title'))
  .addOption(new Option('--company <company>', 'company: id, name or domain'))
  .addOption(new Option('--role <role>', `buying role: ${BUYING_ROLES.join(', ')}`))
  .addOption(new Option('--reports-to <contact>', 'manager: id, name or email'))
  .addOption(new Option('--source <text>', 'where the contact came from, e.g. referral'))
  .addOption(new Option('--lifecycle <stage>', `lifecycle: ${LIFECYCLES.join(', ')}`))
  .addOption(new Option('--consent <state>', `marketing consent: ${CONSENTS.join(', ')}`))
  .addOption(new Option('--do-not-contact', 'never contact this person')),
'estimated yearly spend in your category (B2C customers)');

/** `crm contact ...`: every verb's arguments, flags and help; the implementations are in this folder. */
export function contactSpec(program: CommandUnknownOpts) {
  const contact = program.command('contact').description('people: emails, phones, roles, org chart, consent');
  return {
    add: contactFlags(tagFlag(contact.command('add').description('add a contact (asks for what is left out, on a terminal)').argument('[name]', 'full name')
      .addOption(repeatable('--email <email>', 'email address (repeatable)'))
      .addOption(repeatable('--phone <phone>', 'phone number (repeatable)'))
      .option('--allow-forgotten', 'add the person though an email of theirs was erased (crm contact forget) before')))
      .addHelpText('after', '\nExample:\n  crm contact add "Li Na" --email li@acme.example --company "Acme GmbH" --role champion --reports-to 1'),

    list: listFlags(contact.command('list').alias('ls').description('list contacts')
      .option('--company <company>', 'only contacts of this company')
      .addOption(new Option('--lifecycle <stage>', 'only this lifecycle stage').choices(LIFECYCLES))
      .addOption(new Option('--consent <state>', 'only this consent state').choices(CONSENTS))
      .option('--do-not-contact', 'only contacts marked do-not-contact'), CONTACT_SORTS),

    show: contact.command('show').description('show a contact').argument('<contact>', 'id, name or email'),

    // The positive flags come first: commander would otherwise default --company to true because of --no-company.
    edit: tagEditFlags(contactFlags(contact.command('edit').description('change fields of a contact (no flags: asks, offering current values)').argument('[contact]', 'id, name or email'))
      .option('--name <name>', 'new name')
      .addOption(repeatable('--add-email <email>', 'add an email (repeatable)'))
      .addOption(repeatable('--remove-email <email>', 'remove an email (repeatable)'))
      .addOption(repeatable('--add-phone <phone>', 'add a phone number (repeatable)'))
      .addOption(repeatable('--remove-phone <phone>', 'remove a phone number (repeatable)')))
      .option('--no-company', 'detach from the company')
      .option('--no-reports-to', 'report to nobody')
      .option('--allow-contact', 'clear do-not-contact')
      .addHelpText('after', '\nGive a text flag an empty value ("") to clear that field.'),

    rm: contact.command('rm').description('delete a contact (people who reported to them report to nobody)')
      .argument('<contact>', 'id, name or email')
      .hook('preAction', listsNoRecords),

    forget: contact.command('forget').description('erase a person everywhere, history included (the right to be forgotten)')
      .argument('<contact>', 'id, name or email')
      .hook('preAction', listsNoRecords)
      .addHelpText('after', `
The contact, their emails and phones, tags, segment memberships and search entry are deleted; their values in
history become a tombstone that says only that a person was erased, when and by whom; deals, activities,
follow-ups and orders keep their amounts and dates but lose the person. The database file is then scrubbed
(deleted bytes zeroed, the index merged, free pages dropped). Their emails are kept as salted hashes only, so that
contact add and imports refuse to bring them back without --allow-forgotten. Backups made before still hold them.
Cannot be undone.`),

    export: contact.command('export').description('everything crm holds about one person, as JSON (a subject access request)')
      .argument('<contact>', 'id, name or email'),

    merge: contact.command('merge').description('merge DUP into KEEP: emails, phones, tags, reports and empty fields move over')
      .argument('<keep>', 'the contact that stays').argument('<dup>', 'the duplicate, deleted afterwards'),

    dupes: contact.command('dupes').description('likely duplicates: same email or phone written another way, or the same name')
      .addOption(new Option('--limit <n>', 'show at most n pairs'))
      .hook('preAction', listsNoRecords)
      .addHelpText('after', `
Pairs come strongest first (email, then phone, then names alone), each with every reason that matched.
Emails match ignoring case (and, at gmail.com/googlemail.com, dots and +tags); phones by their digits, a
national form (030 1234567) only once config phoneCountry names its country (crm config set phoneCountry 49);
names ignoring case, accents, punctuation and word order ("Na, Li" is Li Na). crm help duplicates has the rules.
Merge a pair with: crm contact merge KEEP DUP`),
  };
}

type Spec = ReturnType<typeof contactSpec>;
export type ContactInput<Verb extends keyof Spec> = InputOf<Spec[Verb]>;

/** What the field readers take: edit's flags, and add's that edit has not (add's name comes as an argument). */
export type ContactFlags = OptsOf<Spec['edit']> & Pick<OptsOf<Spec['add']>, 'email' | 'phone' | 'tag'>;
