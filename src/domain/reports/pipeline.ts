import { isoDate } from '../dates.js';
import type { Stage } from '../stage.js';
import { ageDays, type DealAt, staleAt, weighted } from './deal-state.js';
import { inWindow, type Window } from './window.js';

/**
 * analytics.md "Sales pipeline and forecast". All amounts in minor units of the report currency.
 * Closed deals count in the window when their close date lies in it; the pipeline is the open deals at as-of.
 */
export interface StageRow {
  stage: string;
  deals: number;
  amount: number;
  weighted: number;
  avgAgeDays: number | null;
  stale: number;
}

export interface Conversion {
  from: string;
  to: string;
  entered: number;
  movedOn: number;
  rate: number | null;
}

export interface PipelineFigures {
  stages: StageRow[];
  won: number;
  lost: number;
  winRate: number | null;
  salesCycleDays: number | null;
  avgWonAmount: number | null;
  openDeals: number;
  velocity: number | null;
  conversions: Conversion[];
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

export function pipelineFigures(deals: DealAt[], stages: Stage[], asOf: string, window: Window): PipelineFigures {
  const open = deals.filter((d) => d.status === 'open');
  const rows = stages.filter((s) => s.outcome === 'open').map((s): StageRow => {
    const here = open.filter((d) => d.stage.id === s.id);
    const ages = here.map((d) => ageDays(d.enteredAt, asOf));
    return {
      stage: s.name, deals: here.length, amount: here.reduce((a, d) => a + d.amount, 0),
      weighted: here.reduce((a, d) => a + weighted(d), 0), avgAgeDays: mean(ages),
      stale: here.filter((d) => staleAt(d, asOf)).length,
    };
  });

  const closed = deals.filter((d) => d.status !== 'open' && inWindow(d.closedOn, window));
  const won = closed.filter((d) => d.status === 'won');
  const lost = closed.filter((d) => d.status === 'lost');
  const winRate = closed.length ? won.length / closed.length : null;
  const salesCycleDays = mean(won.map((d) => ageDays(d.facts.createdAt, d.closedOn!)));
  const avgWonAmount = mean(won.map((d) => d.amount));
  const velocity = winRate !== null && salesCycleDays && avgWonAmount !== null
    ? (open.length * winRate * avgWonAmount) / salesCycleDays : null;

  return { stages: rows, won: won.length, lost: lost.length, winRate, salesCycleDays, avgWonAmount, openDeals: open.length,
    velocity, conversions: conversions(deals, stages, window) };
}

/**
 * Stage conversion = deals that moved on from a stage / deals that entered it. Entered: the deal entered the stage
 * within the window. Moved on: it later (by as-of) entered a stage further along that is not a lost stage.
 */
export function conversions(deals: DealAt[], stages: Stage[], window: Window): Conversion[] {
  const forward = stages.filter((s) => s.outcome !== 'lost');
  const position = new Map(stages.map((s) => [s.id, s.position]));
  const isLost = new Set(stages.filter((s) => s.outcome === 'lost').map((s) => s.id));
  return forward.filter((s) => s.outcome === 'open').map((s) => {
    const next = forward.find((n) => n.position > s.position);
    let entered = 0;
    let movedOn = 0;
    for (const d of deals) {
      const i = d.changes.findIndex((c) => c.toStageId === s.id && inWindow(isoDate(new Date(c.at)), window));
      if (i < 0) continue;
      entered += 1;
      const later = d.changes.slice(i + 1);
      if (later.some((c) => c.toStageId !== null && !isLost.has(c.toStageId) && (position.get(c.toStageId) ?? 0) > s.position)) movedOn += 1;
    }
    return { from: s.name, to: next?.name ?? '', entered, movedOn, rate: entered ? movedOn / entered : null };
  });
}

/**
 * Empirical win rate per stage (the "historical forecast"): of the deals that entered the stage within the
 * window and have closed by as-of, the share that was won. Null where none has closed.
 */
export function stageWinRates(deals: DealAt[], stages: Stage[], window: Window): Map<number, { rate: number | null; closed: number }> {
  const out = new Map<number, { rate: number | null; closed: number }>();
  for (const s of stages.filter((x) => x.outcome === 'open')) {
    const through = deals.filter((d) => d.changes.some((c) => c.toStageId === s.id && inWindow(isoDate(new Date(c.at)), window)));
    const closed = through.filter((d) => d.status !== 'open');
    const won = closed.filter((d) => d.status === 'won').length;
    out.set(s.id, { rate: closed.length ? won / closed.length : null, closed: closed.length });
  }
  return out;
}

/** analytics.md: an owner's own win rate for a stage counts once they have closed this many deals through it. */
export const OWN_RATE_MIN_CLOSED = 10;

/**
 * The historical rates for one owner: per stage, the owner's own rate when they closed at least
 * OWN_RATE_MIN_CLOSED deals that passed through it in the window, else the team's. `team` is every owner's deals.
 */
export function ownerWinRates(team: DealAt[], stages: Stage[], window: Window, owner: string,
  teamRates = stageWinRates(team, stages, window)): Map<number, { rate: number | null; closed: number }> {
  const own = stageWinRates(team.filter((d) => d.facts.owner === owner), stages, window);
  return new Map([...teamRates].map(([id, t]) => {
    const mine = own.get(id)!;
    return [id, mine.closed >= OWN_RATE_MIN_CLOSED ? mine : t];
  }));
}
