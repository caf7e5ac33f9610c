import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { type Link, type Stamps, stampsJson, type Page } from './record.js';
import { toMajor } from './money.js';
import { categoryOf, probabilityOf } from './deal-transitions.js';
import type { ForecastCategory, Outcome, Stage } from './stage.js';

export interface DealFields {
  title: string;
  amountMinor: number;
  currency: string;
  stageId: number;
  /** Overrides of the stage defaults; null means "follow the stage". Kept while closed, in force only while open. */
  probability: number | null;
  forecastCategory: ForecastCategory | null;
  expectedClose: string | null;
  closedOn: string | null;
  owner: string;
  companyId: number | null;
  contactId: number | null;
  source: string | null;
  nextStep: string | null;
  lostReason: string | null;
}

export interface Deal extends DealFields, Stamps {
  id: number;
  stage: Stage;
  company: Link | null;
  contact: Link | null;
  /** When the deal last changed stage (created counts as entering its first stage). */
  stageChangedAt: string;
  /** The latest activity logged on the deal, if any. */
  lastActivityAt: string | null;
}

export interface StageChange {
  from: string | null;
  to: string;
  at: string;
  actor: string;
}

/** The probability and category in force (deal-transitions.ts has the rule: a closed deal has its stage's). */
export const effectiveProbability = (d: Pick<Deal, 'probability' | 'forecastCategory' | 'stage'>) => probabilityOf(d);
export const effectiveCategory = (d: Pick<Deal, 'probability' | 'forecastCategory' | 'stage'>): ForecastCategory => categoryOf(d);

/**
 * analytics.md: stale = no stage change and no activity for longer than the stage's rotting days. Closed deals
 * and stages without rotting days never rot.
 */
export function isStale(d: Pick<Deal, 'stage' | 'stageChangedAt' | 'lastActivityAt'>, now: Date): boolean {
  if (d.stage.outcome !== 'open' || d.stage.rottingDays === null) return false;
  const last = [d.stageChangedAt, d.lastActivityAt].filter((x): x is string => x !== null).sort().at(-1)!;
  return differenceInCalendarDays(now, new Date(last)) > d.stage.rottingDays;
}

export function dealJson(d: Deal, now: Date) {
  const probability = effectiveProbability(d);
  return {
    id: d.id,
    title: d.title,
    amount: toMajor(d.amountMinor, d.currency),
    currency: d.currency,
    stage: d.stage.name,
    status: d.stage.outcome,
    probability,
    forecastCategory: effectiveCategory(d),
    weightedAmount: toMajor(Math.round((d.amountMinor * probability) / 100), d.currency),
    expectedClose: d.expectedClose,
    closedOn: d.closedOn,
    owner: d.owner,
    company: d.company,
    contact: d.contact,
    source: d.source,
    nextStep: d.nextStep,
    lostReason: d.lostReason,
    stale: isStale(d, now),
    stageChangedAt: d.stageChangedAt,
    lastActivityAt: d.lastActivityAt,
    ...stampsJson(d),
  };
}
export type DealJson = ReturnType<typeof dealJson>;

export const DEAL_SORTS = ['close', 'amount', 'title', 'id', 'created', 'updated', 'stage'] as const;
export type DealSort = (typeof DEAL_SORTS)[number];

export interface DealFilter {
  /** Instead of the sort and limit: one page in id order (exports). */
  page?: Page;
  stageId?: number;
  owner?: string;
  status?: Outcome | 'all';
  closing?: { from: string; to: string };
  companyId?: number;
  contactId?: number;
  search?: string;
  sort?: DealSort;
  desc?: boolean;
  limit?: number;
}
