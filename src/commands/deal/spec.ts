import { type Command, type CommandUnknownOpts, Option, type OptionValues } from '@commander-js/extra-typings';
import { DEAL_SORTS } from '../../domain/deal.js';
import { FORECAST_CATEGORIES } from '../../domain/stage.js';
import { listsNoRecords } from '../hooks.js';
import type { InputOf, OptsOf } from '../input.js';

const CLOSING = `A won deal counts at the Won stage's probability and category (100%, closed), a lost one at the Lost
stage's (0%, omitted). A deal's own --probability and --category are kept while it is closed: reopened into the
stage it closed from, they are in force again; reopened with --stage into another stage, that stage's defaults are,
as after a move. Winning a won deal or losing a lost one exits 4 (conflict); closing it the other way needs
crm deal reopen first (exit 2).`;

const dealFlags = <A extends unknown[], O extends OptionValues, G extends OptionValues>(cmd: Command<A, O, G>) => cmd
  .option('--amount <amount>', 'deal value, e.g. "12,500.50"')
  .option('--currency <code>', 'currency of --amount (default: config currency)')
  .option('--probability <percent>', "win probability 0-100 (default: the stage's)")
  .option('--category <category>', `forecast category: ${FORECAST_CATEGORIES.join(', ')} (default: the stage's)`)
  .option('--close <date>', 'expected close date (any date form: eom, +30d, 2026-06-30, ...)')
  .option('--owner <user>', 'owner (default: you)')
  .option('--company <company>', 'the customer company')
  .option('--contact <contact>', "the main contact: someone of the deal's company, or of no company")
  .option('--source <text>', 'where the deal came from')
  .option('--next-step <text>', 'the next thing to do');

/** `crm deal ...`: every verb's arguments, flags and help; the implementations are in this folder. */
export function dealSpec(program: CommandUnknownOpts) {
  const deal = program.command('deal').description('opportunities moving through the pipeline');
  return {
    add: dealFlags(deal.command('add').description('add a deal (asks for what is left out, on a terminal)').argument('[title]')
      .option('--stage <stage>', 'starting stage (default: the first)'))
      .addHelpText('after', '\nExample:\n  crm deal add "Globex rollout" --amount "12,500.50" --company Globex --stage Lead --close eom'),

    list: deal.command('list').alias('ls').description('list deals (open ones unless told otherwise)')
      .option('--stage <stage>', 'only deals in this stage')
      .option('--owner <user>', 'only deals of this owner').option('--mine', 'only your deals')
      .option('--open', 'open deals (the default)').option('--won', 'won deals').option('--lost', 'lost deals')
      .option('--all', 'open and closed deals')
      .option('--closing <period>', 'closing in: this-month, next-quarter, 2026-Q1, 2026-03, FROM..TO')
      .option('--stale', 'only deals idle longer than their stage\'s rotting days')
      .option('--company <company>', 'only deals of this company').option('--contact <contact>', 'only deals of this contact')
      .option('--search <text>', 'only deals matching this text')
      .addOption(new Option('--sort <field>', 'sort order').choices(DEAL_SORTS).default('close'))
      .option('--desc', 'reverse the sort order').option('--limit <n>', 'at most n deals'),

    show: deal.command('show').description('a deal with its stage history, activities and follow-ups').argument('<deal>', 'id or title'),

    edit: dealFlags(deal.command('edit').description('change fields of a deal (use move/win/lose for stages; no flags: asks)')
      .argument('[deal]', 'id or title (picked on a terminal when left out)').option('--title <title>', 'new title'))
      .addHelpText('after', '\nGive a text flag an empty value ("") to clear it; --probability "" and --category "" follow the stage again.'),

    move: deal.command('move').description('move an open deal to another open stage').argument('[deal]', 'id or title (picked when left out)')
      .argument('[stage]', 'name or id (picked from a list when left out)').option('--probability <percent>', "override the new stage's probability"),

    win: deal.command('win').description('mark a deal won; records an order for its customer').argument('[deal]', 'id or title (picked when left out)')
      .option('--date <date>', 'close date (default: today)').option('--amount <amount>', 'final amount, if it changed')
      .option('--no-order', 'do not record an order')
      .addHelpText('after', `\n${CLOSING}`),

    lose: deal.command('lose').description('mark a deal lost, with a reason').argument('[deal]', 'id or title (picked when left out)')
      .option('--reason <reason>', 'why it was lost (crm config get lostReasons; picked from them when left out)')
      .option('--date <date>', 'close date (default: today)')
      .addHelpText('after', `\n${CLOSING}`),

    reopen: deal.command('reopen').description('reopen a won or lost deal (a won deal\'s order is removed)').argument('<deal>', 'id or title')
      .option('--stage <stage>', 'stage to reopen in (default: the one it closed from)')
      .addHelpText('after', `\n${CLOSING}`),

    rm: deal.command('rm').description('delete a deal').argument('<deal>', 'id or title')
      .hook('preAction', listsNoRecords),
  };
}

type Spec = ReturnType<typeof dealSpec>;
export type DealInput<Verb extends keyof Spec> = InputOf<Spec[Verb]>;

/** What dealFields reads: edit's flags, and add's that edit has not (add's title comes as an argument). */
export type DealFlags = OptsOf<Spec['edit']> & Pick<OptsOf<Spec['add']>, 'stage'>;
