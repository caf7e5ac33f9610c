// Type-level tests: `tsc -p tsconfig.json` (npm run build, npm test) checks this file and vitest never runs it. Each
// `@ts-expect-error` marks a mistake that must not compile; if it compiled, tsc would report the unused directive.
import { Command } from '@commander-js/extra-typings';
import { lazy } from '../../src/cli/action.js';
import { dealSpec } from '../../src/commands/deal/spec.js';
import { listFlags } from '../../src/commands/flags.js';
import type { InputOf } from '../../src/commands/input.js';
import { reportSpec } from '../../src/commands/report/spec.js';
import type { Context } from '../../src/context.js';
import { pipelineView, quotaView } from '../../src/output/views/reports.js';
import { decilesView } from '../../src/output/views/value.js';

declare const ctx: Context;
const program = new Command('crm');

/** A flag renamed in a spec is an error where a command still reads the old name. */
export function renamedFlag() {
  const before = (p: Command) => p.command('add').argument('[title]').option('--stage <stage>');
  const after = (p: Command) => p.command('add').argument('[title]').option('--start-stage <stage>');
  const reads = ({ args: [title], opts }: InputOf<ReturnType<typeof before>>) => `${title} in ${opts.stage}`;
  const readsRenamed = ({ args: [title], opts }: InputOf<ReturnType<typeof after>>) =>
    // @ts-expect-error --stage is --start-stage now
    `${title} in ${opts.stage}`;
  return [reads, readsRenamed];
}

/** Shared flag groups keep the types flowing: choices and defaults arrive typed. */
export function flagGroups() {
  const { opts } = {} as InputOf<ReturnType<typeof listFlags<[], {}, {}, readonly ['name', 'created']>>>;
  const sort: 'name' | 'created' = opts.sort;
  const tags: string[] | undefined = opts.tag;
  // @ts-expect-error a list command has no --stage
  const stage = opts.stage;
  return [sort, tags, stage];
}

/** The wiring compiles only when the module's run takes exactly its spec's input. */
export function wiring() {
  const deal = dealSpec(program);
  lazy(ctx, deal.add, () => import('../../src/commands/deal/add.js'));
  // @ts-expect-error edit's run reads --title, which deal add does not declare
  lazy(ctx, deal.add, () => import('../../src/commands/deal/edit.js'));
  // @ts-expect-error show's run needs a <deal> argument, which deal list does not take
  lazy(ctx, deal.list, () => import('../../src/commands/deal/show.js'));
  // @ts-expect-error deal list's run takes no argument, and deal rm gives it one
  lazy(ctx, deal.rm, () => import('../../src/commands/deal/list.js'));
  const report = reportSpec(program);
  // @ts-expect-error rfm's run needs --bins (it has a default), which the deciles report does not declare
  lazy(ctx, report.deciles, () => import('../../src/commands/report/rfm.js'));
}

/** Global flags are typed from their declaration too. */
export function globalFlags() {
  const json: true | undefined = ctx.global.json;
  // @ts-expect-error there is no --jsn
  return [json, ctx.global.jsn];
}

/** Report views take the data their command builds, not any JSON. */
export function views() {
  const quota = { owner: 'alice', period: '2026-Q1', from: '2026-01-01', to: '2026-03-31', amount: 1000, currency: 'EUR' };
  quotaView(quota);
  // @ts-expect-error a quota without an amount
  quotaView({ ...quota, amount: undefined });
  const deciles = { asOf: '2026-03-11', since: null, currency: 'EUR', customers: 0, deciles: [], pareto: null, unconverted: [] };
  decilesView(deciles, []);
  // @ts-expect-error the deciles are not a pipeline report
  pipelineView(deciles, []);
}
