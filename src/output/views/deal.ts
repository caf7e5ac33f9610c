import type { ActivityJson } from '../../domain/activity.js';
import type { DealJson, StageChange } from '../../domain/deal.js';
import type { FollowupJson } from '../../domain/followup.js';
import { type Column, list, type Output, record } from '../view.js';
import { activityColumns } from './activity.js';
import { followupColumns } from './followup.js';

export const dealColumns: Column<DealJson>[] = [
  { header: 'ID', key: 'id', value: (d) => d.id },
  { header: 'Title', key: 'title', value: (d) => d.title },
  { header: 'Company', key: 'company', value: (d) => d.company?.name },
  { header: 'Stage', key: 'stage', value: (d) => d.stage },
  { header: 'Amount', key: 'amount', value: (d) => d.amount, type: 'money', currency: (d) => d.currency },
  { header: 'Prob.', key: 'probability', value: (d) => `${d.probability}%` },
  { header: 'Close', key: 'expectedClose', value: (d) => d.closedOn ?? d.expectedClose },
  { header: 'Owner', key: 'owner', value: (d) => d.owner },
  { header: 'Stale', key: 'stale', value: (d) => (d.stale ? 'stale' : '') },
];

const dealFields: Column<DealJson>[] = [
  { header: 'ID', key: 'id', value: (d) => d.id },
  { header: 'Title', key: 'title', value: (d) => d.title },
  { header: 'Amount', key: 'amount', value: (d) => d.amount, type: 'money', currency: (d) => d.currency },
  { header: 'Stage', key: 'stage', value: (d) => `${d.stage} (${d.status})` },
  { header: 'Probability', key: 'probability', value: (d) => `${d.probability}%` },
  { header: 'Weighted', key: 'weightedAmount', value: (d) => d.weightedAmount, type: 'money', currency: (d) => d.currency },
  { header: 'Forecast', key: 'forecastCategory', value: (d) => d.forecastCategory },
  { header: 'Expected close', key: 'expectedClose', value: (d) => d.expectedClose },
  { header: 'Closed on', key: 'closedOn', value: (d) => d.closedOn },
  { header: 'Lost reason', key: 'lostReason', value: (d) => d.lostReason },
  { header: 'Company', key: 'company', value: (d) => d.company && `${d.company.name} (#${d.company.id})` },
  { header: 'Contact', key: 'contact', value: (d) => d.contact && `${d.contact.name} (#${d.contact.id})` },
  { header: 'Owner', key: 'owner', value: (d) => d.owner },
  { header: 'Source', key: 'source', value: (d) => d.source },
  { header: 'Next step', key: 'nextStep', value: (d) => d.nextStep },
  { header: 'Stale', key: 'stale', value: (d) => (d.stale ? 'yes: no stage change or activity for too long' : '') },
  { header: 'Created', key: 'createdAt', value: (d) => d.createdAt, type: 'datetime' },
];

const historyColumns: Column<StageChange>[] = [
  { header: 'When', key: 'at', value: (h) => h.at, type: 'datetime' },
  { header: 'From', key: 'from', value: (h) => h.from ?? '(created)' },
  { header: 'To', key: 'to', value: (h) => h.to },
  { header: 'Who', key: 'actor', value: (h) => h.actor },
];

export const dealList = (deals: DealJson[]): Output => list(deals, dealColumns, 'no deals match');

export interface DealDetail extends DealJson {
  stageHistory?: StageChange[];
  activities?: ActivityJson[];
  followups?: FollowupJson[];
}

export function dealView(d: DealDetail, done?: string): Output {
  return record(d as unknown as Record<string, unknown>, dealFields, {
    done,
    sections: d.stageHistory ? [
      { title: 'Stage history', key: 'stageHistory', rows: () => d.stageHistory!, columns: historyColumns },
      { title: 'Activities', key: 'activities', rows: () => d.activities ?? [], columns: activityColumns.filter((c) => c.key !== 'regarding'), empty: 'none logged' },
      { title: 'Open follow-ups', key: 'followups', rows: () => d.followups ?? [], columns: followupColumns.filter((c) => c.key !== 'regarding'), empty: 'none' },
    ] : [],
  });
}
