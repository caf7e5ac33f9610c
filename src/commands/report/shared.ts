import type { Context } from '../../context.js';
import { isoDate, parseWhen } from '../../domain/dates.js';
import { converter, Unconverted } from '../../domain/fx.js';
import { toMajor } from '../../domain/money.js';
import { type DealAt, dealAt } from '../../domain/reports/deal-state.js';
import { trailingWindow, type Window } from '../../domain/reports/window.js';
import type { Stage } from '../../domain/stage.js';
import { usageError } from '../../errors.js';
import type { Store } from '../../store/store.js';
import type { ReportFlags, WindowFlags } from './spec.js';

export interface ReportBasis {
  store: Store;
  asOf: string;
  window: Window;
  owner: string | undefined;
  currency: string;
  /** The rates setting, for the warning's `config set rates` line. */
  rates: Record<string, number>;
  locale: string;
  fyStart: number;
  stages: Stage[];
  /** The deals of the report: the owner's with --owner/--mine, else everyone's. */
  deals: DealAt[];
  /** Everyone's deals, whatever the owner filter: an owner's historical rates fall back on the team's. */
  team: DealAt[];
  unconverted: Unconverted;
  /** Minor units of the report currency as a JSON number (major units). */
  money: (minor: number) => number;
}

/** --as-of (default today) and --since as dates; every report reads them here. */
export function reportDates(opts: WindowFlags, ctx: Context): { asOf: string; since: string | undefined } {
  const asOf = opts.asOf === undefined ? isoDate(ctx.now) : isoDate(parseWhen(opts.asOf, ctx.now, '--as-of').at);
  const since = opts.since === undefined ? undefined : isoDate(parseWhen(opts.since, ctx.now, '--since').at);
  // An empty window would give a report of zeros that looks like a real one.
  if (since !== undefined && since > asOf) throw usageError(`--since ${since} is after --as-of ${asOf}`, 'give a --since on or before the --as-of date');
  return { asOf, since };
}

/** Everything a pipeline-side report stands on: every deal replayed to the as-of date, in the report currency. */
export async function reportBasis(opts: ReportFlags, ctx: Context): Promise<ReportBasis> {
  const { asOf, since } = reportDates(opts, ctx);
  const owner = opts.mine ? ctx.user : opts.owner;
  const store = await ctx.store();
  const { currency, rates, fiscalYearStart } = (await ctx.shared()).values;
  const [stages, facts] = await Promise.all([store.stages.list(), store.reports.deals(owner)]);
  const byId = new Map(stages.map((s) => [s.id, s]));
  const fx = converter(currency, rates);
  const unconverted = new Unconverted();
  const replay = (all: typeof facts, left: Unconverted) => all.map((f) => dealAt(f, asOf, byId, fx, left)).filter((d): d is DealAt => d !== null);
  const deals = replay(facts, unconverted);
  // Only the owner's own deals count toward the warning; the team's are read for their win rates alone.
  const team = owner === undefined ? deals : replay(await store.reports.deals(), new Unconverted());
  return {
    store, asOf, window: trailingWindow(asOf, since), owner, currency, rates, locale: ctx.locale,
    fyStart: fiscalYearStart, stages, deals, team, unconverted,
    money: (minor) => toMajor(minor, currency),
  };
}

/** Ratios rounded for JSON: four decimals say all a report needs and keep float noise out of scripts. */
export const ratio = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);
export const days = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
