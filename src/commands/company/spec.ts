import { type Command, type CommandUnknownOpts, Option, type OptionValues } from '@commander-js/extra-typings';
import { COMPANY_SORTS } from '../../domain/company.js';
import { listFlags, recordFlags, tagEditFlags, tagFlag } from '../flags.js';
import { listsNoRecords } from '../hooks.js';
import type { InputOf, OptsOf } from '../input.js';

const companyFlags = <A extends unknown[], O extends OptionValues, G extends OptionValues>(cmd: Command<A, O, G>) => recordFlags(cmd
  .addOption(new Option('--domain <domain>', 'web domain, e.g. acme.example'))
  .addOption(new Option('--industry <text>', 'industry'))
  .addOption(new Option('--size <n>', 'number of employees'))
  .addOption(new Option('--address <text>', 'postal address')),
"estimated yearly spend in your category (the base of share of wallet)");

/** `crm company ...`: every verb's arguments, flags and help; the implementations are in this folder. */
export function companySpec(program: CommandUnknownOpts) {
  const company = program.command('company').description('companies (accounts) and their org charts');
  return {
    add: companyFlags(tagFlag(company.command('add').description('add a company (asks for what is left out, on a terminal)').argument('[name]', 'company name'))
      .option('--allow-duplicate', 'add even if a company of that name exists'))
      .addHelpText('after', '\nExample:\n  crm company add "Acme GmbH" --domain acme.example --industry Manufacturing --tag vip'),

    list: listFlags(company.command('list').alias('ls').description('list companies')
      .option('--industry <text>', 'only this industry'), COMPANY_SORTS),

    show: company.command('show').description('show a company with its contacts').argument('<company>', 'id, name or domain'),

    edit: companyFlags(tagEditFlags(company.command('edit').description('change fields of a company (no flags: asks, offering current values)').argument('[company]', 'id, name or domain')
      .option('--name <name>', 'new name')
      .option('--allow-duplicate', 'rename even if another company has that name'))
      .addHelpText('after', '\nGive a flag an empty value ("") to clear that field.')),

    rm: company.command('rm').description('delete a company (its contacts stay, without a company)')
      .argument('<company>', 'id, name or domain')
      .hook('preAction', listsNoRecords),

    tree: company.command('tree').description("the company's org chart: who reports to whom, with buying roles")
      .argument('<company>', 'id, name or domain')
      .hook('preAction', listsNoRecords),

    merge: company.command('merge').description('merge DUP into KEEP: contacts, deals, activities, follow-ups, orders, tags and empty fields move over')
      .argument('<keep>', 'the company that stays').argument('<dup>', 'the duplicate, deleted afterwards'),

    dupes: company.command('dupes').description('likely duplicates: same web domain, or the same name without GmbH, Inc, Ltd, ...')
      .addOption(new Option('--limit <n>', 'show at most n pairs'))
      .hook('preAction', listsNoRecords)
      .addHelpText('after', `
Pairs come strongest first (same domain, then names alone), each with every reason that matched. Domains match
ignoring case and www.; names ignoring case, accents, punctuation and a legal form at the end (Acme GmbH,
ACME Inc. and Acme & Co. KG are all acme). crm help duplicates has the rules.
Merge a pair with: crm company merge KEEP DUP`),
  };
}

type Spec = ReturnType<typeof companySpec>;
export type CompanyInput<Verb extends keyof Spec> = InputOf<Spec[Verb]>;

/** What the field readers take: edit's flags, and add's that edit has not (add's name comes as an argument). */
export type CompanyFlags = OptsOf<Spec['edit']> & Pick<OptsOf<Spec['add']>, 'tag'>;
