import type { ActivityJson } from '../../domain/activity.js';
import { type Column, list, type Output, record } from '../view.js';

const regarding = (a: { contact: { name: string } | null; company: { name: string } | null; deal: { name: string } | null }) =>
  [a.contact?.name, a.company?.name, a.deal && `deal: ${a.deal.name}`].filter(Boolean).join(' · ');

export const activityColumns: Column<ActivityJson>[] = [
  { header: 'ID', key: 'id', value: (a) => a.id },
  { header: 'When', key: 'at', value: (a) => a.at, type: 'datetime' },
  { header: 'Type', key: 'type', value: (a) => a.type },
  { header: 'Summary', key: 'summary', value: (a) => a.summary },
  { header: 'With', key: 'regarding', value: regarding },
  { header: 'Sat.', key: 'satisfaction', value: (a) => a.satisfaction },
  { header: 'By', key: 'loggedBy', value: (a) => a.loggedBy },
];

const activityFields: Column<ActivityJson>[] = [
  ...activityColumns,
  { header: 'Direction', key: 'direction', value: (a) => a.direction },
  { header: 'Outcome', key: 'outcome', value: (a) => a.outcome },
];

export const activityList = (rows: ActivityJson[]): Output => list(rows, activityColumns, 'no activities match');
export const activityView = (a: ActivityJson, done?: string): Output => record(a, activityFields, { done });
export { regarding };
