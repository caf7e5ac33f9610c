import { type CommandUnknownOpts, Option } from '@commander-js/extra-typings';
import { repeatable } from '../flags.js';
import { listsNoRecords } from '../hooks.js';
import type { InputOf } from '../input.js';

/** `crm order ...`: every verb's arguments, flags and help; the implementations are in this folder. */
export function orderSpec(program: CommandUnknownOpts) {
  const order = program.command('order').description('orders (purchases) of customers: companies, or contacts without one');
  return {
    add: order.command('add').description('record an order').argument('<customer>', 'company, or contact without a company')
      .option('--amount <amount>', 'order value (required)').option('--currency <code>', 'currency of --amount')
      .option('--date <date>', 'order date (default: today)').option('--reference <ref>', 'external reference, unique')
      .option('--deal <deal>', 'the deal it came from'),

    import: order.command('import').description('import orders from CSV (customer,date,amount[,currency][,reference]); - reads stdin')
      .argument('<file>', 'CSV file with a header row, or - for standard input')
      .addOption(repeatable('--map <field=column>', 'read a field from another column, e.g. customer=CustomerID (repeatable)'))
      .addOption(new Option('--create-customers <kind>', 'create customers that do not exist yet, as companies or contacts').choices(['company', 'contact'] as const))
      .option('--dry-run', 'validate and count, write nothing')
      .option('--skip-no-customer', 'skip rows whose customer cell is empty (guest purchases), counting them, instead of refusing the file')
      .option('--currency <code>', 'currency of rows without a currency column (default: config currency)')
      .option('--delimiter <char>', 'field separator (tab: \\t)', ',')
      .addHelpText('after', `
Customers are matched by external id, email or exact name. Every row is checked before anything is written;
errors name the line and the field. Rows whose reference already exists are skipped, so re-importing is safe.
Example:
  crm order import sales.csv --map customer=CustomerID --map date=InvoiceDate --create-customers company`)
      .hook('preAction', listsNoRecords),

    list: order.command('list').alias('ls').description('orders, latest first')
      .option('--customer <customer>', 'only this customer\'s').option('--since <date>', 'on or after this date')
      .option('--until <date>', 'on or before this date').option('--limit <n>', 'at most n'),
  };
}

type Spec = ReturnType<typeof orderSpec>;
export type OrderInput<Verb extends keyof Spec> = InputOf<Spec[Verb]>;
