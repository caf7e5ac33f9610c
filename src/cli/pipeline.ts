import { type Command, Option } from 'commander';
import type { Context } from '../context.js';
import { ACTIVITY_TYPES, DIRECTIONS } from '../domain/activity.js';
import { DEAL_SORTS } from '../domain/deal.js';
import { PRIORITIES } from '../domain/followup.js';
import { FORECAST_CATEGORIES, OUTCOMES } from '../domain/stage.js';
import { lazy, listsNoRecords } from './action.js';
import { repeatable } from './options.js';

const linkFlags = () => [
  new Option('--contact <contact>', 'link a contact: id, name or email'),
  new Option('--company <company>', 'link a company: id, name or domain'),
  new Option('--deal <deal>', 'link a deal: id or title'),
];

export function registerStage(program: Command, ctx: Context): void {
  const stage = program.command('stage').description('pipeline stages: order, probability, forecast category, rotting days');
  stage.command('list').alias('ls').description('the pipeline: every stage with its open deals and their amounts')
    .action(lazy(ctx, () => import('../commands/stage/list.js')));
  const flags = (cmd: Command) => cmd
    .option('--probability <percent>', 'default win probability of deals in the stage, 0-100')
    .addOption(new Option('--category <category>', 'default forecast category').choices(FORECAST_CATEGORIES))
    .option('--rotting-days <days>', 'a deal idle longer than this is stale ("" for never)')
    .option('--position <n>', 'place in the pipeline, 1 = first');
  flags(stage.command('add').description('add a stage').argument('<name>')
    .addOption(new Option('--outcome <outcome>', 'open (default), or won/lost for closing stages').choices(OUTCOMES)))
    .action(lazy(ctx, () => import('../commands/stage/add.js')));
  flags(stage.command('edit').description('change a stage').argument('<stage>', 'name or id').option('--name <name>', 'new name'))
    .action(lazy(ctx, () => import('../commands/stage/edit.js')));
  stage.command('rm').description('remove a stage; deals in it need --move-to').argument('<stage>', 'name or id')
    .option('--move-to <stage>', 'move the deals of the removed stage here')
    .hook('preAction', listsNoRecords)
    .action(lazy(ctx, () => import('../commands/stage/rm.js')));
}

const CLOSING = `A won deal counts at the Won stage's probability and category (100%, closed), a lost one at the Lost
stage's (0%, omitted). A deal's own --probability and --category are kept while it is closed: reopened into the
stage it closed from, they are in force again; reopened with --stage into another stage, that stage's defaults are,
as after a move. Winning a won deal or losing a lost one exits 4 (conflict); closing it the other way needs
crm deal reopen first (exit 2).`;

export function registerDeal(program: Command, ctx: Context): void {
  const deal = program.command('deal').description('opportunities moving through the pipeline');
  const fields = (cmd: Command) => cmd
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
  fields(deal.command('add').description('add a deal (asks for what is left out, on a terminal)').argument('[title]')
    .option('--stage <stage>', 'starting stage (default: the first)'))
    .addHelpText('after', '\nExample:\n  crm deal add "Globex rollout" --amount "12,500.50" --company Globex --stage Lead --close eom')
    .action(lazy(ctx, () => import('../commands/deal/add.js')));
  deal.command('list').alias('ls').description('list deals (open ones unless told otherwise)')
    .option('--stage <stage>', 'only deals in this stage')
    .option('--owner <user>', 'only deals of this owner').option('--mine', 'only your deals')
    .option('--open', 'open deals (the default)').option('--won', 'won deals').option('--lost', 'lost deals')
    .option('--all', 'open and closed deals')
    .option('--closing <period>', 'closing in: this-month, next-quarter, 2026-Q1, 2026-03, FROM..TO')
    .option('--stale', 'only deals idle longer than their stage\'s rotting days')
    .option('--company <company>', 'only deals of this company').option('--contact <contact>', 'only deals of this contact')
    .option('--search <text>', 'only deals matching this text')
    .addOption(new Option('--sort <field>', 'sort order').choices(DEAL_SORTS).default('close'))
    .option('--desc', 'reverse the sort order').option('--limit <n>', 'at most n deals')
    .action(lazy(ctx, () => import('../commands/deal/list.js')));
  deal.command('show').description('a deal with its stage history, activities and follow-ups').argument('<deal>', 'id or title')
    .action(lazy(ctx, () => import('../commands/deal/show.js')));
  fields(deal.command('edit').description('change fields of a deal (use move/win/lose for stages; no flags: asks)')
    .argument('[deal]', 'id or title (picked on a terminal when left out)').option('--title <title>', 'new title'))
    .addHelpText('after', '\nGive a text flag an empty value ("") to clear it; --probability "" and --category "" follow the stage again.')
    .action(lazy(ctx, () => import('../commands/deal/edit.js')));
  deal.command('move').description('move an open deal to another open stage').argument('[deal]', 'id or title (picked when left out)')
    .argument('[stage]', 'name or id (picked from a list when left out)').option('--probability <percent>', "override the new stage's probability")
    .action(lazy(ctx, () => import('../commands/deal/move.js')));
  deal.command('win').description('mark a deal won; records an order for its customer').argument('[deal]', 'id or title (picked when left out)')
    .option('--date <date>', 'close date (default: today)').option('--amount <amount>', 'final amount, if it changed')
    .option('--no-order', 'do not record an order')
    .addHelpText('after', `\n${CLOSING}`)
    .action(lazy(ctx, () => import('../commands/deal/win.js')));
  deal.command('lose').description('mark a deal lost, with a reason').argument('[deal]', 'id or title (picked when left out)')
    .option('--reason <reason>', 'why it was lost (crm config get lostReasons; picked from them when left out)')
    .option('--date <date>', 'close date (default: today)')
    .addHelpText('after', `\n${CLOSING}`)
    .action(lazy(ctx, () => import('../commands/deal/lose.js')));
  deal.command('reopen').description('reopen a won or lost deal (a won deal\'s order is removed)').argument('<deal>', 'id or title')
    .option('--stage <stage>', 'stage to reopen in (default: the one it closed from)')
    .addHelpText('after', `\n${CLOSING}`)
    .action(lazy(ctx, () => import('../commands/deal/reopen.js')));
  deal.command('rm').description('delete a deal').argument('<deal>', 'id or title')
    .hook('preAction', listsNoRecords)
    .action(lazy(ctx, () => import('../commands/deal/rm.js')));
}

const CONSENT = `Consent: a contact marked do-not-contact or opted out is not called, mailed or scheduled. An outbound call
or email to them (one without --direction counts as outbound) and a follow-up with them (added, linked by edit
--contact, or the next of a series) exit 5, "not permitted". --override-consent writes it anyway, for a person who
asked to be contacted, and crm history of the activity or follow-up shows the override. Inbound calls and emails,
meetings and notes are never refused.
`;

export function registerLog(program: Command, ctx: Context): void {
  const log = program.command('log').description('log calls, emails, meetings and notes');
  for (const type of ACTIVITY_TYPES) {
    const cmd = log.command(type).description(`log a ${type} with a contact, company or deal`)
      .argument('[ref]', 'who or what it was with: contact, company or deal (qualify if ambiguous: deal:"Acme renewal")')
      .option('--summary <text>', 'what happened (required; asked on a terminal)')
      .option('--at <when>', 'when (default: now; a future time schedules a meeting)')
      .option('--outcome <text>', 'the result, e.g. "interested", "no answer"')
      .option('--satisfaction <1-5>', "the customer's satisfaction, 1 (poor) to 5 (delighted)");
    if (type !== 'note') cmd.addOption(new Option('--direction <direction>', 'who reached out').choices(DIRECTIONS));
    if (type === 'call' || type === 'email') {
      cmd.option('--override-consent', 'log it though the contact is do-not-contact or opted out (journalled)')
        .addHelpText('after', `\n${CONSENT}`);
    }
    linkFlags().forEach((o) => cmd.addOption(o));
    cmd.action(lazy(ctx, async () => {
      const mod = await import('../commands/log/add.js');
      return { run: (input, c) => mod.run({ ...input, opts: { ...input.opts, type } }, c) };
    }));
  }
  const list = log.command('list').alias('ls').description('activities, latest first')
    .addOption(new Option('--type <type>', 'only this type').choices(ACTIVITY_TYPES))
    .option('--owner <user>', 'only activities logged by this user').option('--mine', 'only activities you logged')
    .option('--since <date>', 'on or after this date').option('--until <date>', 'up to and including this date')
    .option('--search <text>', 'only activities matching this text').option('--limit <n>', 'at most n activities');
  linkFlags().forEach((o) => list.addOption(o));
  list.action(lazy(ctx, () => import('../commands/log/list.js')));
}

const REPEATS = `Repeats: --repeat 3d, 2w, 1m, 1q (quarter), 1y, "every 2 weeks", daily, weekly, monthly, quarterly, yearly.
Completing a repeating follow-up schedules the first date of its series after this occurrence's date in the series
and after the day it was done (or today, if later).
Months, quarters and years keep the series' day: a series on the 31st falls on each month's last day (Jan 31,
Feb 28, Mar 31), one on the 30th stays on the 30th (Jan 30, Feb 28, Mar 30). A snooze moves one occurrence, not
the series; edit --due starts the series again on the new date.
`;

export function registerFollowup(program: Command, ctx: Context): void {
  const followup = program.command('followup').description('follow-ups: due dates, priorities, repeats');
  const fields = (cmd: Command) => {
    cmd.option('--due <when>', 'due date or date-time: tomorrow, friday 10:00, +3d, 2026-04-01, ...')
      .addOption(new Option('--priority <priority>', 'priority (default: normal)').choices(PRIORITIES))
      .option('--repeat <rule>', 'repeat after completion: 3d, 2w, 1m, 1q, 1y, "every 2 weeks", monthly, yearly ("none" to stop)')
      .option('--owner <user>', 'owner (default: you)').option('--notes <text>', 'notes')
      .option('--override-consent', 'schedule it though the contact is do-not-contact or opted out (journalled)');
    linkFlags().forEach((o) => cmd.addOption(o));
    return cmd;
  };
  fields(followup.command('add').description('schedule a follow-up (asks for what is left out, on a terminal)').argument('[title]'))
    .addHelpText('after', `\n${REPEATS}\n${CONSENT}\nExample:\n  crm followup add "Send contract" --due tomorrow --company Globex --repeat 2w`)
    .action(lazy(ctx, () => import('../commands/followup/add.js')));
  followup.command('list').alias('ls').description('open follow-ups, soonest first')
    .option('--overdue', 'only overdue ones')
    .option('--due <period>', 'due in: today, tomorrow, this-week, next-week, this-month, or any period')
    .option('--owner <user>', 'only this owner\'s').option('--mine', 'only yours')
    .option('--done', 'completed ones instead').option('--all', 'open and completed')
    .option('--limit <n>', 'at most n')
    .action(lazy(ctx, () => import('../commands/followup/list.js')));
  followup.command('done').description('complete a follow-up; a repeating one schedules its next')
    .argument('[followup]', "id or title (picked from today's and overdue when left out)").option('--at <when>', 'when it was done (default: now)')
    .option('--override-consent', "schedule a series' next one though its contact is do-not-contact or opted out (journalled)")
    .addHelpText('after', `\n${REPEATS}\n${CONSENT}`)
    .action(lazy(ctx, () => import('../commands/followup/done.js')));
  followup.command('snooze').description('move a follow-up\'s due date').argument('[followup]', "id or title (picked from today's and overdue when left out)")
    .option('--until <when>', 'new due date (default: tomorrow)')
    .addHelpText('after', '\nA snooze moves this occurrence only: a repeating follow-up\'s series keeps its day (crm followup edit --due moves the series).')
    .action(lazy(ctx, () => import('../commands/followup/snooze.js')));
  fields(followup.command('edit').description('change a follow-up (offers the current values on a terminal)').argument('[followup]', 'id or title')
    .option('--title <title>', 'new title'))
    .action(lazy(ctx, () => import('../commands/followup/edit.js')));
  followup.command('rm').description('delete a follow-up').argument('<followup>', 'id or title')
    .hook('preAction', listsNoRecords)
    .action(lazy(ctx, () => import('../commands/followup/rm.js')));
}

export function registerAgenda(program: Command, ctx: Context): void {
  program.command('agenda').description('overdue items, then day by day: follow-ups due, deals closing, meetings')
    .option('--day', 'today (the default)').option('--week', 'this week (Monday to Sunday)')
    .option('--month', 'this month').option('--year', 'this year')
    .option('--from <date>', 'start the period at this date instead of today')
    .option('--owner <user>', 'only this owner\'s items').option('--mine', 'only your items')
    .hook('preAction', listsNoRecords)
    .action(lazy(ctx, () => import('../commands/agenda/agenda.js')));
}

export function registerOrder(program: Command, ctx: Context): void {
  const order = program.command('order').description('orders (purchases) of customers: companies, or contacts without one');
  order.command('add').description('record an order').argument('<customer>', 'company, or contact without a company')
    .option('--amount <amount>', 'order value (required)').option('--currency <code>', 'currency of --amount')
    .option('--date <date>', 'order date (default: today)').option('--reference <ref>', 'external reference, unique')
    .option('--deal <deal>', 'the deal it came from')
    .action(lazy(ctx, () => import('../commands/order/add.js')));
  order.command('import').description('import orders from CSV (customer,date,amount[,currency][,reference]); - reads stdin')
    .argument('<file>', 'CSV file with a header row, or - for standard input')
    .addOption(repeatable('--map <field=column>', 'read a field from another column, e.g. customer=CustomerID (repeatable)'))
    .addOption(new Option('--create-customers <kind>', 'create customers that do not exist yet, as companies or contacts').choices(['company', 'contact']))
    .option('--dry-run', 'validate and count, write nothing')
    .option('--currency <code>', 'currency of rows without a currency column (default: config currency)')
    .option('--delimiter <char>', 'field separator (tab: \\t)', ',')
    .addHelpText('after', `
Customers are matched by external id, email or exact name. Every row is checked before anything is written;
errors name the line and the field. Rows whose reference already exists are skipped, so re-importing is safe.
Example:
  crm order import sales.csv --map customer=CustomerID --map date=InvoiceDate --create-customers company`)
    .hook('preAction', listsNoRecords)
    .action(lazy(ctx, () => import('../commands/order/import.js')));
  order.command('list').alias('ls').description('orders, latest first')
    .option('--customer <customer>', 'only this customer\'s').option('--since <date>', 'on or after this date')
    .option('--until <date>', 'on or before this date').option('--limit <n>', 'at most n')
    .action(lazy(ctx, () => import('../commands/order/list.js')));
}

export function registerDemo(program: Command, ctx: Context): void {
  program.command('demo').description('build a realistic demo database (separate from yours unless --db is given)')
    .option('--scale <contacts>', 'contacts to create (orders: 10 per contact); up to 100000', '')
    .option('--seed <n>', 'random seed (same seed, same data)', '1')
    .option('--force', 'replace the database even if it holds data the demo did not write')
    .hook('preAction', listsNoRecords)
    .action(lazy(ctx, () => import('../commands/demo/demo.js')));
}
