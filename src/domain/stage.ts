import type { Stamps } from './record.js';

/** analytics.md: forecast categories, in rollup order. "closed" is won; "omitted" counts nowhere. */
export const FORECAST_CATEGORIES = ['pipeline', 'best-case', 'commit', 'closed', 'omitted'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

/** Whether a deal in the stage is still being worked, or closed one way or the other. */
export const OUTCOMES = ['open', 'won', 'lost'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface StageFields {
  name: string;
  position: number;
  probability: number;
  forecastCategory: ForecastCategory;
  outcome: Outcome;
  /** A deal with no stage change and no activity for longer than this is stale. */
  rottingDays: number | null;
}

export interface Stage extends StageFields, Stamps {
  id: number;
}

/** After a removal, positions run 1..n again in pipeline order: the stages whose position changes, and to what. */
export function renumbered(stages: readonly Stage[]): { stage: Stage; position: number }[] {
  return stages.flatMap((stage, i) => (stage.position === i + 1 ? [] : [{ stage, position: i + 1 }]));
}

export function stageJson(s: Stage, counts?: { deals: number; amounts: { amount: number; currency: string }[] }) {
  return {
    id: s.id, name: s.name, position: s.position, probability: s.probability, forecastCategory: s.forecastCategory,
    outcome: s.outcome, rottingDays: s.rottingDays,
    ...(counts ? { deals: counts.deals, amounts: counts.amounts } : {}),
  };
}
export type StageJson = ReturnType<typeof stageJson>;
