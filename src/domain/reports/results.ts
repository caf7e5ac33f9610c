import type { ForecastRow } from './forecast.js';
import type { Diagnosis } from '../clv/diagnosis.js';
import type { PeriodKind } from '../fiscal.js';
import type { UnconvertedEntry } from '../fx.js';
import type { Quadrant } from '../loyalty.js';
import type { Tier } from '../portfolio.js';
import type { FollowupRow, WeekRow } from './activity.js';
import type { Conversion } from './pipeline.js';
import type { Window } from './window.js';

// What each report and quota command returns: the data --json prints and the report's view lays out. Amounts are
// major units of `currency`, ratios fractions (null where there is nothing to divide by). Object types, not
// interfaces: a view's record takes them as plain records.

export type QuotaResult = { owner: string; period: string; from: string; to: string; amount: number; currency: string };

export type PipelineResult = {
  asOf: string;
  window: Window;
  owner: string | null;
  currency: string;
  stages: { stage: string; deals: number; amount: number; weighted: number; avgAgeDays: number | null; stale: number }[];
  openDeals: number;
  won: number;
  lost: number;
  winRate: number | null;
  salesCycleDays: number | null;
  avgWonAmount: number | null;
  velocity: number | null;
  conversions: Conversion[];
  unconverted: UnconvertedEntry[];
};

/** One period of the forecast, for the team or (in `owners`) one owner: the forecast's row in major units. */
export type ForecastPeriod = ForecastRow;

export type ForecastResult = {
  asOf: string;
  period: PeriodKind;
  fiscalYearStart: number;
  owner: string | null;
  by: 'owner' | 'category' | null;
  currency: string;
  periods: (ForecastPeriod & { owners?: (ForecastPeriod & { owner: string })[] })[];
  stageWinRates: { stage: string; rate: number | null; closed: number; probability: number }[];
  unconverted: UnconvertedEntry[];
};

export type WinLossGroupResult<Key extends string> = { [K in Key]: string } &
  { won: number; lost: number; wonAmount: number; lostAmount: number; winRate: number | null };

export type WinLossResult = {
  asOf: string;
  window: Window;
  owner: string | null;
  currency: string;
  won: { deals: number; amount: number };
  lost: { deals: number; amount: number };
  winRate: number | null;
  byReason: { reason: string; deals: number; amount: number }[];
  bySource: WinLossGroupResult<'source'>[];
  byOwner: WinLossGroupResult<'owner'>[];
  unconverted: UnconvertedEntry[];
};

export type ActivityResult = {
  asOf: string;
  window: Window;
  owner: string | null;
  weeks: WeekRow[];
  followups: FollowupRow[];
};

/** A customer as the order reports name one. */
export type CustomerRef = { kind: 'company' | 'contact'; id: number; name: string; externalId: string | null };

export type RfmResult = {
  asOf: string;
  since: string | null;
  bins: number;
  currency: string;
  segment: string | null;
  scored: number;
  customers: (CustomerRef & { recencyDays: number; frequency: number; monetary: number; r: number; f: number; m: number; segment: string })[];
  segments: { segment: string; customers: number; revenue: number; share: number | null; action: string }[];
  compare?: {
    name: string;
    asOf: string;
    unchanged: number;
    moved: { from: string; to: string; customers: number }[];
    customers: (CustomerRef & { from: string; to: string })[];
  };
  saved?: string;
  unconverted: UnconvertedEntry[];
};

export type DecilesResult = {
  asOf: string;
  since: string | null;
  currency: string;
  customers: number;
  deciles: { decile: number; customers: number; revenue: number; share: number | null; cumulativeShare: number | null }[];
  pareto: number | null;
  unconverted: UnconvertedEntry[];
};

export type PortfolioResult = {
  asOf: string;
  since: string | null;
  currency: string;
  windowDays: number;
  costToServe: number;
  withoutWallet: number;
  walletsToRevisit: number;
  tiers: { tier: Tier; strategy: string; customers: number; value: number }[];
  customers: (CustomerRef & {
    value: number; annualValue: number; wallet: number | null; shareOfWallet: number | null; untapped: number | null;
    decile: number | null; tier: Tier; strategy: string; revisitWallet: boolean; note: string | null;
  })[];
  unconverted: UnconvertedEntry[];
};

export type LoyaltyResult = {
  asOf: string;
  since: string | null;
  quadrants: { quadrant: Quadrant; customers: number; programme: string }[];
  customers: (CustomerRef & {
    f: number; frequency: number; satisfaction: number | null; repeat: 'high' | 'low'; attitude: 'strong' | 'weak' | 'unknown';
    quadrant: Quadrant; programme: string;
  })[];
  unconverted: UnconvertedEntry[];
};

export type ClvResult = {
  asOf: string;
  unit: 'day' | 'week';
  horizonMonths: number;
  discount: number;
  currency: string;
  atRisk: boolean;
  model: { r: number; alpha: number; a: number; b: number; logLikelihood: number; customers: number; repeatBuyers: number };
  spendModel: { p: number; q: number; gamma: number; logLikelihood: number };
  diagnosis: Diagnosis;
  customers: (CustomerRef & {
    x: number; tx: number; T: number; value: number; pAlive: number | null; expectedPurchases: number | null;
    expectedSpend: number | null; clv: number | null; note: string | null;
  })[];
  unconverted: UnconvertedEntry[];
};
