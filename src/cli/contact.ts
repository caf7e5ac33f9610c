import { type Command, Option } from 'commander';
import { BUYING_ROLES, CONSENTS, CONTACT_SORTS, LIFECYCLES } from '../domain/contact.js';
import type { Context } from '../context.js';
import { lazy, listsNoRecords } from './action.js';
import { listFlags, repeatable } from './options.js';

const fieldFlags = () => [
  new Option('--title <text>', 'job title'),
  new Option('--company <company>', 'company: id, name or domain'),
  new Option('--role <role>', `buying role: ${BUYING_ROLES.join(', ')}`),
  new Option('--reports-to <contact>', 'manager: id, name or email'),
  new Option('--source <text>', 'where the contact came from, e.g. referral'),
  new Option('--lifecycle <stage>', `lifecycle: ${LIFECYCLES.join(', ')}`),
  new Option('--consent <state>', `marketing consent: ${CONSENTS.join(', ')}`),
  new Option('--do-not-contact', 'never contact this person'),
  new Option('--wallet <amount>', 'estimated yearly spend in your category (B2C customers)'),
  new Option('--currency <code>', 'currency of --wallet (default: config currency)'),
  new Option('--owner <user>', 'owner (default: you)'),
  new Option('--notes <text>', 'free-form notes'),
  new Option('--external-id <id>', 'id in another system (matched by order import)'),
];

export function registerContact(program: Command, ctx: Context): void {
  const contact = program.command('contact').description('people: emails, phones, roles, org chart, consent');

  const add = contact.command('add').description('add a contact (asks for what is left out, on a terminal)').argument('[name]', 'full name')
    .addOption(repeatable('--email <email>', 'email address (repeatable)'))
    .addOption(repeatable('--phone <phone>', 'phone number (repeatable)'))
    .addOption(repeatable('--tag <tag>', 'tag (repeatable)'))
    .addHelpText('after', '\nExample:\n  crm contact add "Li Na" --email li@acme.example --company "Acme GmbH" --role champion --reports-to 1')
    .action(lazy(ctx, () => import('../commands/contact/add.js')));
  fieldFlags().forEach((o) => add.addOption(o));

  const list = contact.command('list').alias('ls').description('list contacts')
    .option('--company <company>', 'only contacts of this company')
    .addOption(new Option('--lifecycle <stage>', 'only this lifecycle stage').choices(LIFECYCLES))
    .addOption(new Option('--consent <state>', 'only this consent state').choices(CONSENTS))
    .option('--do-not-contact', 'only contacts marked do-not-contact')
    .action(lazy(ctx, () => import('../commands/contact/list.js')));
  listFlags(CONTACT_SORTS).forEach((o) => list.addOption(o));

  contact.command('show').description('show a contact').argument('<contact>', 'id, name or email')
    .action(lazy(ctx, () => import('../commands/contact/show.js')));

  const edit = contact.command('edit').description('change fields of a contact (no flags: asks, offering current values)').argument('[contact]', 'id, name or email');
  // The positive flags come first: commander would otherwise default --company to true because of --no-company.
  fieldFlags().forEach((o) => edit.addOption(o));
  edit.option('--name <name>', 'new name')
    .addOption(repeatable('--add-email <email>', 'add an email (repeatable)'))
    .addOption(repeatable('--remove-email <email>', 'remove an email (repeatable)'))
    .addOption(repeatable('--add-phone <phone>', 'add a phone number (repeatable)'))
    .addOption(repeatable('--remove-phone <phone>', 'remove a phone number (repeatable)'))
    .addOption(repeatable('--add-tag <tag>', 'add a tag (repeatable)'))
    .addOption(repeatable('--remove-tag <tag>', 'remove a tag (repeatable)'))
    .option('--no-company', 'detach from the company')
    .option('--no-reports-to', 'report to nobody')
    .option('--allow-contact', 'clear do-not-contact')
    .addHelpText('after', '\nGive a text flag an empty value ("") to clear that field.')
    .action(lazy(ctx, () => import('../commands/contact/edit.js')));

  contact.command('rm').description('delete a contact (people who reported to them report to nobody)')
    .argument('<contact>', 'id, name or email')
    .hook('preAction', listsNoRecords)
    .action(lazy(ctx, () => import('../commands/contact/rm.js')));

  contact.command('merge').description('merge DUP into KEEP: emails, phones, tags, reports and empty fields move over')
    .argument('<keep>', 'the contact that stays').argument('<dup>', 'the duplicate, deleted afterwards')
    .action(lazy(ctx, () => import('../commands/contact/merge.js')));
}
