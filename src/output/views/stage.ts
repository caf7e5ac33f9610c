import type { StageJson } from '../../domain/stage.js';
import type { MoneyText } from '../money.js';
import { type Column, list, record, type Output } from '../view.js';

const amounts = (s: StageJson, money: MoneyText) => (s.amounts ?? []).map((a) => money(a.amount, a.currency));

export const stageColumns: Column<StageJson>[] = [
  { header: '#', key: 'position', value: (s) => s.position },
  { header: 'Stage', key: 'name', value: (s) => s.name },
  { header: 'Probability', key: 'probability', value: (s) => `${s.probability}%` },
  { header: 'Category', key: 'forecastCategory', value: (s) => s.forecastCategory },
  { header: 'Outcome', key: 'outcome', value: (s) => s.outcome },
  { header: 'Rotting days', key: 'rottingDays', value: (s) => s.rottingDays },
  { header: 'Deals', key: 'deals', value: (s) => s.deals, type: 'count' },
  { header: 'Amount', key: 'amounts', value: amounts, type: 'list' },
];

export const stageList = (stages: StageJson[]): Output => list(stages, stageColumns, 'no stages');
export const stageView = (s: StageJson, done?: string): Output => record(s, stageColumns.slice(0, 6), { done });
