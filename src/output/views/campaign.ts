import type { CampaignJson, MemberJson } from '../../domain/campaign.js';
import { type Column, list, type Output, record } from '../view.js';

/** Views of campaigns, their members and their reports. Amounts arrive in major units of `currency`; rates as fractions. */

type Counted = CampaignJson & { members?: number; treated?: number; holdout?: number; touched?: number; responded?: number };

export const campaignColumns: Column<Counted>[] = [
  { header: 'ID', key: 'id', value: (c) => c.id },
  { header: 'Name', key: 'name', value: (c) => c.name },
  { header: 'Channel', key: 'channel', value: (c) => c.channel },
  { header: 'Start', key: 'start', value: (c) => c.start, type: 'date' },
  { header: 'End', key: 'end', value: (c) => c.end, type: 'date' },
  { header: 'Budget', key: 'budget', value: (c) => c.budget, type: 'money', currency: (c) => c.currency },
  { header: 'Members', key: 'members', value: (c) => c.members, type: 'count' },
  { header: 'Holdout', key: 'holdout', value: (c) => c.holdout, type: 'count' },
  { header: 'Touched', key: 'touched', value: (c) => c.touched, type: 'count' },
  { header: 'Responded', key: 'responded', value: (c) => c.responded, type: 'count' },
];

const detail: Column<Counted>[] = [
  { header: 'Cost', key: 'cost', value: (c) => c.cost, type: 'money', currency: (c) => c.currency },
  { header: 'Attribution window', key: 'window', value: (c) => `${c.window.from} to ${c.window.to}` },
  { header: 'Excluded (consent)', key: 'excluded', value: (c) => c.excluded, type: 'count' },
  { header: 'Owner', key: 'owner', value: (c) => c.owner },
  { header: 'Notes', key: 'notes', value: (c) => c.notes },
];

export const campaignAdded = (id: number, name: string) => `added campaign #${id} ${name}`;
export const campaignRemoved = (id: number, name: string, members: number) => `deleted campaign #${id} ${name} and its ${members} members`;
export const campaignList = (rows: Counted[]): Output => list(rows, campaignColumns, 'no campaigns yet: crm campaign add NAME --channel email');
export const campaignView = (c: Counted, done?: string): Output => record(c, [...campaignColumns, ...detail], { done });

export interface TargetResult {
  campaign: string;
  added: number;
  treated: number;
  holdout: number;
  excluded: number;
  alreadyMembers: number;
  holdoutShare: number;
  seed: number;
  dryRun: boolean;
}

export const targetView = (r: TargetResult): Output => record({ ...r }, [
  { header: 'Campaign', key: 'campaign', value: (x: TargetResult) => x.campaign },
  { header: 'Added', key: 'added', value: (x: TargetResult) => x.added, type: 'count' },
  { header: 'Treated', key: 'treated', value: (x: TargetResult) => x.treated, type: 'count' },
  { header: 'Holdout', key: 'holdout', value: (x: TargetResult) => x.holdout, type: 'count' },
  { header: 'Excluded (opted out, do not contact)', key: 'excluded', value: (x: TargetResult) => x.excluded, type: 'count' },
  { header: 'Already members', key: 'alreadyMembers', value: (x: TargetResult) => x.alreadyMembers, type: 'count' },
  { header: 'Holdout share', key: 'holdoutShare', value: (x: TargetResult) => x.holdoutShare, type: 'percent' },
  { header: 'Seed', key: 'seed', value: (x: TargetResult) => x.seed },
  { header: 'Dry run', key: 'dryRun', value: (x: TargetResult) => x.dryRun, type: 'bool' },
], { done: r.dryRun ? `dry run: ${r.added} would be added (${r.holdout} holdout), ${r.excluded} excluded`
  : `added ${r.added} members to ${r.campaign} (${r.holdout} holdout, seed ${r.seed}); ${r.excluded} excluded: opted out or do-not-contact` });

export const memberColumns: Column<MemberJson>[] = [
  { header: 'Kind', key: 'kind', value: (m) => m.kind },
  { header: 'ID', key: 'id', value: (m) => m.id },
  { header: 'Name', key: 'name', value: (m) => m.name },
  { header: 'Email', key: 'email', value: (m) => m.email },
  { header: 'Group', key: 'group', value: (m) => m.group },
  { header: 'Touched', key: 'touchedAt', value: (m) => m.touchedAt, type: 'date' },
  { header: 'Responded', key: 'respondedAt', value: (m) => m.respondedAt, type: 'date' },
  { header: 'Outcome', key: 'outcome', value: (m) => m.outcome },
];

export const memberList = (rows: MemberJson[]): Output => list(rows, memberColumns, 'no members: crm campaign target NAME --tag ...');
export const touched = (n: number, campaign: string, skipped: number) =>
  `recorded ${n} touches of ${campaign} and logged them${skipped ? `; ${skipped} left out: opted out or do-not-contact since targeting` : ''}`;
export const responded = (name: string, campaign: string, on: string) => `recorded the response of ${name} to ${campaign} on ${on}`;
