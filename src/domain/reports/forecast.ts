import type { Period } from '../fiscal.js';
import type { DealAt } from './deal-state.js';
import { weighted } from './deal-state.js';

/**
 * analytics.md: per period (of the expected close date, or of the actual close date for won deals) closed won,
 * commit, best case, pipeline and weighted; the rollups; quota, attainment and coverage; and the historical
 * forecast (open deals weighted by their stage's empirical win rate). Omitted deals count nowhere.
 * Amounts in minor units of the report currency.
 */
export interface ForecastRow {
  period: string;
  from: string;
  to: string;
  closedWon: number;
  commit: number;
  bestCase: number;
  pipeline: number;
  weighted: number;
  historical: number;
  commitForecast: number;
  bestCaseForecast: number;
  openPipeline: number;
  quota: number | null;
  attainment: number | null;
  coverage: number | null;
}

export interface QuotaEntry {
  owner: string;
  period: string;
  amount: number;
}

/**
 * The quota of a period, owner by owner: the quota set for exactly that period, or else (for a quarter) the sum of
 * the owner's monthly quotas inside it; then summed over owners. Null when nobody has one.
 */
export function quotaFor(period: Period, quotas: QuotaEntry[], owner?: string): number | null {
  const owners = [...new Set(quotas.map((q) => q.owner))].filter((o) => owner === undefined || o === owner);
  let total: number | null = null;
  for (const o of owners) {
    const mine = quotas.filter((q) => q.owner === o);
    const exact = mine.filter((q) => q.period === period.label);
    const months = period.label.includes('Q')
      ? mine.filter((q) => /^\d{4}-\d{2}$/.test(q.period) && `${q.period}-01` >= period.from && `${q.period}-01` <= period.to) : [];
    const parts = exact.length ? exact : months;
    if (parts.length) total = (total ?? 0) + parts.reduce((a, q) => a + q.amount, 0);
  }
  return total;
}

export function forecastRow(period: Period, deals: DealAt[], winRates: Map<number, { rate: number | null }>, quota: number | null): ForecastRow {
  let closedWon = 0;
  let commit = 0;
  let bestCase = 0;
  let pipeline = 0;
  let weightedOpen = 0;
  let historicalOpen = 0;
  for (const d of deals) {
    if (d.status === 'won') {
      if (d.closedOn !== null && d.closedOn >= period.from && d.closedOn <= period.to) closedWon += d.amount;
      continue;
    }
    const close = d.facts.expectedClose;
    if (d.status !== 'open' || close === null || close < period.from || close > period.to) continue;
    if (d.category === 'omitted') continue;
    if (d.category === 'commit') commit += d.amount;
    else if (d.category === 'best-case') bestCase += d.amount;
    else if (d.category === 'pipeline') pipeline += d.amount;
    // An open deal marked "closed" in forecast terms counts as commit would not: it is only weighted.
    weightedOpen += weighted(d);
    // Without closed history for its stage, a deal falls back to its probability.
    const rate = winRates.get(d.stage.id)?.rate ?? d.probability / 100;
    historicalOpen += Math.round(d.amount * rate);
  }
  const openPipeline = commit + bestCase + pipeline;
  return {
    period: period.label, from: period.from, to: period.to, closedWon, commit, bestCase, pipeline,
    weighted: closedWon + weightedOpen, historical: closedWon + historicalOpen,
    commitForecast: closedWon + commit, bestCaseForecast: closedWon + commit + bestCase, openPipeline,
    quota, attainment: quota ? closedWon / quota : null,
    // Coverage of what is still to close; undefined once the quota is met.
    coverage: quota !== null && quota - closedWon > 0 ? openPipeline / (quota - closedWon) : null,
  };
}
