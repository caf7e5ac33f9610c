import { type Command, type CommandUnknownOpts, Option, type OptionValues } from '@commander-js/extra-typings';
import { listsNoRecords } from '../hooks.js';
import type { InputOf, OptsOf } from '../input.js';

/** --as-of and --since, which every report reads alike (reportDates); only what they mean to a report differs. */
const windowFlags = <A extends unknown[], O extends OptionValues, G extends OptionValues>(cmd: Command<A, O, G>, asOf: string, since: string) => cmd
  .option('--as-of <date>', asOf)
  .option('--since <date>', since);

/** The pipeline-side reports' flags. */
const reportFlags = <A extends unknown[], O extends OptionValues, G extends OptionValues>(cmd: Command<A, O, G>) =>
  windowFlags(cmd, 'analysis date (default: today, or CRM_NOW)', 'start of the trailing window (default: 12 months before --as-of)')
    .option('--owner <user>', "only this owner's deals").option('--mine', 'only your deals');

/** The reports over orders. */
const valueFlags = <A extends unknown[], O extends OptionValues, G extends OptionValues>(cmd: Command<A, O, G>, asOf = 'analysis date') =>
  windowFlags(cmd, asOf, 'only orders from this date');

/** `crm report ...`: every report's flags and help; the implementations are in this folder. */
export function reportSpec(program: CommandUnknownOpts) {
  const report = program.command('report').description('pipeline, forecast, win/loss and activity reports (crm help report NAME)')
    .hook('preAction', listsNoRecords);
  return {
    pipeline: reportFlags(report.command('pipeline').description('open deals by stage, win rate, sales cycle, conversion, velocity')),

    forecast: reportFlags(report.command('forecast').description('closed, commit, best case, pipeline, weighted and historical per period, against quota'))
      .addOption(new Option('--period <kind>', 'month or quarter').choices(['month', 'quarter'] as const).default('quarter'))
      .option('--periods <n>', 'how many periods, from the current one', '3')
      .addOption(new Option('--by <breakdown>', 'add rows per owner, or a table per category').choices(['owner', 'category'] as const)),

    winloss: reportFlags(report.command('winloss').description('won and lost deals by reason, source and owner')),

    rfm: valueFlags(report.command('rfm').description('recency, frequency, monetary scores and segments, with suggested actions'),
      'analysis date; later orders are ignored')
      .option('--bins <n>', 'score bins', '5').option('--segment <name>', "list one segment's customers")
      .option('--save <name>', 'save this segmentation as a dated snapshot').option('--compare <name>', 'show moves since a saved snapshot'),

    deciles: valueFlags(report.command('deciles').description('customers in ten revenue deciles, with shares and the Pareto line')),

    portfolio: valueFlags(report.command('portfolio').description('value tiers (MVC, MGC, BZ) and Retain / Develop / Acquire strategies, with share of wallet'))
      .option('--cost-to-serve <amount>', 'value at or below which a customer is below zero (BZ)', '0'),

    loyalty: valueFlags(report.command('loyalty').description("Griffin's loyalty matrix: repeat purchase against satisfaction")),

    clv: report.command('clv').description('BG/NBD + Gamma-Gamma: P(alive), expected purchases and spend, lifetime value')
      .option('--as-of <date>', 'calibration end: orders after it are ignored')
      .addOption(new Option('--unit <unit>', 'model time unit').choices(['day', 'week'] as const).default('week'))
      .option('--horizon <months>', 'months to project', '12').option('--discount <rate>', 'monthly discount rate', '0.01')
      .option('--at-risk', 'only valuable customers (top fifth by spend) whose P(alive) fell below 50%')
      .option('--limit <n>', 'at most n customers'),

    campaign: report.command('campaign').description('a campaign measured: response of treated vs holdout, lift with its 95% interval, revenue, ROI')
      .argument('<campaign>', 'campaign name or id'),

    campaigns: report.command('campaigns').description('every campaign side by side: response, lift, incremental revenue, cost, ROI'),

    'cross-sell': valueFlags(report.command('cross-sell').description('products bought together: support, confidence and lift; next products for a customer'),
      'analysis date; later orders are ignored')
      .option('--min-support <share>', 'least share of baskets holding both products', '0.01')
      .option('--min-confidence <share>', 'least confidence of a rule', '0.1')
      .option('--top <n>', 'at most n rules or products', '20')
      .option('--customer <customer>', "products this customer is most likely to buy next and has not bought, each with the rule behind it"),

    churn: report.command('churn').description('customers slipping away: overdue against their own rhythm, or P(alive) below a threshold, by value at risk')
      .option('--as-of <date>', 'analysis date; later orders are ignored')
      .option('--factor <x>', 'overdue when the days since the last purchase exceed this times their rhythm', '2')
      .option('--threshold <p>', 'at risk when P(alive) is below this', '0.5')
      .option('--limit <n>', 'at most n customers'),

    activity: windowFlags(report.command('activity').description('activities per owner and type per week; follow-ups completed and overdue'),
      'end of the window (default: today)', 'start (default: 8 weeks back, from a Monday)')
      .option('--owner <user>', "only this user's").option('--mine', 'only yours'),
  };
}

type Spec = ReturnType<typeof reportSpec>;
export type ReportInput<Verb extends keyof Spec> = InputOf<Spec[Verb]>;

/** What reportDates reads. */
export type WindowFlags = OptsOf<ReturnType<typeof windowFlags<[], {}, {}>>>;
/** What reportBasis reads: the pipeline-side reports' flags. */
export type ReportFlags = OptsOf<ReturnType<typeof reportFlags<[], {}, {}>>>;
/** What customerValues reads: the order reports' flags. */
export type ValueFlags = OptsOf<ReturnType<typeof valueFlags<[], {}, {}>>>;
