import { type Command, Option } from 'commander';
import { COMPANY_SORTS } from '../domain/company.js';
import type { Context } from '../context.js';
import { lazy, listsNoRecords } from './action.js';
import { listFlags, repeatable } from './options.js';

const fieldFlags = () => [
  new Option('--domain <domain>', 'web domain, e.g. acme.example'),
  new Option('--industry <text>', 'industry'),
  new Option('--size <n>', 'number of employees'),
  new Option('--address <text>', 'postal address'),
  new Option('--wallet <amount>', "estimated yearly spend in your category (the base of share of wallet)"),
  new Option('--currency <code>', 'currency of --wallet (default: config currency)'),
  new Option('--owner <user>', 'owner (default: you)'),
  new Option('--notes <text>', 'free-form notes'),
  new Option('--external-id <id>', 'id in another system (matched by order import)'),
];

export function registerCompany(program: Command, ctx: Context): void {
  const company = program.command('company').description('companies (accounts) and their org charts');

  const add = company.command('add').description('add a company (asks for what is left out, on a terminal)').argument('[name]', 'company name')
    .addOption(repeatable('--tag <tag>', 'tag (repeatable)'))
    .option('--allow-duplicate', 'add even if a company of that name exists')
    .addHelpText('after', '\nExample:\n  crm company add "Acme GmbH" --domain acme.example --industry Manufacturing --tag vip')
    .action(lazy(ctx, () => import('../commands/company/add.js')));
  fieldFlags().forEach((o) => add.addOption(o));

  const list = company.command('list').alias('ls').description('list companies')
    .option('--industry <text>', 'only this industry')
    .action(lazy(ctx, () => import('../commands/company/list.js')));
  listFlags(COMPANY_SORTS).forEach((o) => list.addOption(o));

  company.command('show').description('show a company with its contacts').argument('<company>', 'id, name or domain')
    .action(lazy(ctx, () => import('../commands/company/show.js')));

  const edit = company.command('edit').description('change fields of a company (no flags: asks, offering current values)').argument('[company]', 'id, name or domain')
    .option('--name <name>', 'new name')
    .option('--allow-duplicate', 'rename even if another company has that name')
    .addOption(repeatable('--add-tag <tag>', 'add a tag (repeatable)'))
    .addOption(repeatable('--remove-tag <tag>', 'remove a tag (repeatable)'))
    .addHelpText('after', '\nGive a flag an empty value ("") to clear that field.')
    .action(lazy(ctx, () => import('../commands/company/edit.js')));
  fieldFlags().forEach((o) => edit.addOption(o));

  company.command('rm').description('delete a company (its contacts stay, without a company)')
    .argument('<company>', 'id, name or domain')
    .hook('preAction', listsNoRecords)
    .action(lazy(ctx, () => import('../commands/company/rm.js')));

  company.command('tree').description("the company's org chart: who reports to whom, with buying roles")
    .argument('<company>', 'id, name or domain')
    .hook('preAction', listsNoRecords)
    .action(lazy(ctx, () => import('../commands/company/tree.js')));
}
