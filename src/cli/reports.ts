import { type Command, Option } from 'commander';
import type { Context } from '../context.js';
import { lazy, listsNoRecords } from './action.js';

const reportFlags = (cmd: Command) => cmd
  .option('--as-of <date>', 'analysis date (default: today, or CRM_NOW)')
  .option('--since <date>', 'start of the trailing window (default: 12 months before --as-of)')
  .option('--owner <user>', "only this owner's deals").option('--mine', 'only your deals');

export function registerReport(program: Command, ctx: Context): void {
  const report = program.command('report').description('pipeline, forecast, win/loss and activity reports (crm help report NAME)')
    .hook('preAction', listsNoRecords);
  reportFlags(report.command('pipeline').description('open deals by stage, win rate, sales cycle, conversion, velocity'))
    .action(lazy(ctx, () => import('../commands/report/pipeline.js')));
  reportFlags(report.command('forecast').description('closed, commit, best case, pipeline, weighted and historical per period, against quota'))
    .addOption(new Option('--period <kind>', 'month or quarter').choices(['month', 'quarter']).default('quarter'))
    .option('--periods <n>', 'how many periods, from the current one', '3')
    .addOption(new Option('--by <breakdown>', 'add rows per owner, or a table per category').choices(['owner', 'category']))
    .action(lazy(ctx, () => import('../commands/report/forecast.js')));
  reportFlags(report.command('winloss').description('won and lost deals by reason, source and owner'))
    .action(lazy(ctx, () => import('../commands/report/winloss.js')));
  report.command('rfm').description('recency, frequency, monetary scores and segments, with suggested actions')
    .option('--as-of <date>', 'analysis date; later orders are ignored').option('--since <date>', 'only orders from this date')
    .option('--bins <n>', 'score bins', '5').option('--segment <name>', "list one segment's customers")
    .option('--save <name>', 'save this segmentation as a dated snapshot').option('--compare <name>', 'show moves since a saved snapshot')
    .action(lazy(ctx, () => import('../commands/report/rfm.js')));
  report.command('deciles').description('customers in ten revenue deciles, with shares and the Pareto line')
    .option('--as-of <date>', 'analysis date').option('--since <date>', 'only orders from this date')
    .action(lazy(ctx, () => import('../commands/report/deciles.js')));
  report.command('portfolio').description('value tiers (MVC, MGC, BZ) and Retain / Develop / Acquire strategies, with share of wallet')
    .option('--as-of <date>', 'analysis date').option('--since <date>', 'only orders from this date')
    .option('--cost-to-serve <amount>', 'value at or below which a customer is below zero (BZ)', '0')
    .action(lazy(ctx, () => import('../commands/report/portfolio.js')));
  report.command('loyalty').description("Griffin's loyalty matrix: repeat purchase against satisfaction")
    .option('--as-of <date>', 'analysis date').option('--since <date>', 'only orders from this date')
    .action(lazy(ctx, () => import('../commands/report/loyalty.js')));
  report.command('clv').description('BG/NBD + Gamma-Gamma: P(alive), expected purchases and spend, lifetime value')
    .option('--as-of <date>', 'calibration end: orders after it are ignored')
    .addOption(new Option('--unit <unit>', 'model time unit').choices(['day', 'week']).default('week'))
    .option('--horizon <months>', 'months to project', '12').option('--discount <rate>', 'monthly discount rate', '0.01')
    .option('--at-risk', 'only valuable customers (top fifth by spend) whose P(alive) fell below 50%')
    .option('--limit <n>', 'at most n customers')
    .action(lazy(ctx, () => import('../commands/report/clv.js')));
  report.command('activity').description('activities per owner and type per week; follow-ups completed and overdue')
    .option('--as-of <date>', 'end of the window (default: today)').option('--since <date>', 'start (default: 8 weeks back, from a Monday)')
    .option('--owner <user>', "only this user's").option('--mine', 'only yours')
    .action(lazy(ctx, () => import('../commands/report/activity.js')));
}

export function registerQuota(program: Command, ctx: Context): void {
  const quota = program.command('quota').description('sales quotas per owner and month or quarter')
    .hook('preAction', listsNoRecords);
  quota.command('set').description('set an owner\'s quota for a period (2026-12 or 2026-Q4)')
    .argument('<owner>').argument('<period>', 'a month (2026-12) or fiscal quarter (2026-Q4)').argument('<amount>')
    .option('--currency <code>', 'currency of the amount (default: config currency)')
    .action(lazy(ctx, () => import('../commands/quota/set.js')));
  quota.command('list').alias('ls').description('quotas by period and owner')
    .option('--owner <user>', "only this owner's").option('--mine', 'only yours').option('--period <period>', 'only this period')
    .action(lazy(ctx, () => import('../commands/quota/list.js')));
}
