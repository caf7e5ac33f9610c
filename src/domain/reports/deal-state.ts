import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { isoDate } from '../dates.js';
import { categoryOf, probabilityOf } from '../deal-transitions.js';
import type { Converter, Unconverted } from '../fx.js';
import type { ForecastCategory, Outcome, Stage } from '../stage.js';

/** What the reports read of a deal: its current fields and its whole stage history. */
export interface DealFacts {
  id: number;
  title: string;
  amountMinor: number;
  currency: string;
  owner: string;
  source: string | null;
  lostReason: string | null;
  createdAt: string;
  closedOn: string | null;
  expectedClose: string | null;
  stageId: number;
  probability: number | null;
  forecastCategory: ForecastCategory | null;
  /** Stage changes in time order; the first one is the deal's creation. */
  changes: { toStageId: number | null; at: string }[];
  lastActivityAt: string | null;
}

/** A deal as it stood at the end of the as-of day, with its amount in the report currency. */
export interface DealAt {
  facts: DealFacts;
  stage: Stage;
  status: Outcome;
  /** When it entered the stage it was in. */
  enteredAt: string;
  amount: number;
  probability: number;
  category: ForecastCategory;
  /** Close date (won or lost by then), as YYYY-MM-DD. */
  closedOn: string | null;
  /** Stage changes up to the as-of moment. */
  changes: { toStageId: number | null; at: string }[];
  lastTouchAt: string;
}

/** The end of a YYYY-MM-DD day in local time, as an ISO instant: everything stamped before it happened by then. */
export const endOfDayInstant = (date: string): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + 1).toISOString();
};

/**
 * Replays a deal's history up to `asOf` (YYYY-MM-DD). Null when the deal did not exist yet, when its stage then
 * has since been removed, or when its amount cannot be converted (recorded in `unconverted`).
 */
export function dealAt(d: DealFacts, asOf: string, stages: Map<number, Stage>, fx: Converter, unconverted: Unconverted): DealAt | null {
  const end = endOfDayInstant(asOf);
  const changes = d.changes.filter((c) => c.at < end);
  const last = changes.at(-1);
  if (!last || last.toStageId === null) return null;
  const stage = stages.get(last.toStageId);
  if (!stage) return null;
  const amount = fx.convert(d.amountMinor, d.currency);
  if (amount === null) {
    unconverted.add('deal', d.currency, d.amountMinor);
    return null;
  }
  // An override belongs to the stage the deal is in now, and a closed deal keeps it for a reopen without using it;
  // at an earlier date the stage defaults applied.
  const current = stage.id === d.stageId;
  const closedOn = stage.outcome === 'open' ? null
    : current && d.closedOn !== null && last === d.changes.at(-1) ? d.closedOn : isoDate(new Date(last.at));
  const touches = [last.at, ...(d.lastActivityAt !== null && d.lastActivityAt < end ? [d.lastActivityAt] : [])].sort();
  return {
    facts: d, stage, status: stage.outcome, enteredAt: last.at, amount,
    probability: current ? probabilityOf({ ...d, stage }) : stage.probability,
    category: current ? categoryOf({ ...d, stage }) : stage.forecastCategory,
    closedOn, changes, lastTouchAt: touches.at(-1)!,
  };
}

export const ageDays = (from: string, asOf: string) => differenceInCalendarDays(new Date(`${asOf}T12:00:00`), new Date(from));

/** Stale at the as-of date: no stage change and no activity for longer than the stage's rotting days. */
export const staleAt = (d: DealAt, asOf: string) =>
  d.status === 'open' && d.stage.rottingDays !== null && ageDays(d.lastTouchAt, asOf) > d.stage.rottingDays;

/** The weighted amount: amount x probability, in minor units. */
export const weighted = (d: DealAt) => Math.round((d.amount * d.probability) / 100);
