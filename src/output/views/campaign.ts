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

/** What report campaign gives (commands/report/campaign-result.ts): money in major units of `currency`, rates as fractions. */
export interface CampaignReportData {
  campaign: string;
  channel: string;
  currency: string;
  window: { from: string; to: string };
  excluded: number;
  targeted: number;
  contacted: number;
  groups: Record<'treated' | 'holdout', { members: number; responded: number; rate: number | null; revenue: number | null; revenuePerMember: number | null }>;
  lift: { absolute: number; low: number; high: number; relative: number | null } | null;
  incrementalRevenue: number | null;
  cost: number | null;
  roi: number | null;
  note: string | null;
}

const pp = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} pp`;
const liftText = (r: CampaignReportData) => (r.lift ? `${pp(r.lift.absolute)} (95% CI ${pp(r.lift.low)} to ${pp(r.lift.high)})` : 'not measurable: no holdout');

type GroupRow = CampaignReportData['groups']['treated'] & { group: string; _currency: string };

export function campaignReportView(r: CampaignReportData, warnings: string[]): Output {
  const money = (header: string, key: string, get: (x: CampaignReportData) => number | null): Column<CampaignReportData> =>
    ({ header, key, value: get, type: 'money', currency: (x) => x.currency });
  return record({ ...r }, [
    { header: 'Campaign', key: 'campaign', value: (x: CampaignReportData) => x.campaign },
    { header: 'Channel', key: 'channel', value: (x: CampaignReportData) => x.channel },
    { header: 'Attribution window', key: 'window', value: (x: CampaignReportData) => `${x.window.from} to ${x.window.to}` },
    { header: 'Targeted', key: 'targeted', value: (x: CampaignReportData) => x.targeted, type: 'count' },
    { header: 'Contacted', key: 'contacted', value: (x: CampaignReportData) => x.contacted, type: 'count' },
    { header: 'Excluded (consent)', key: 'excluded', value: (x: CampaignReportData) => x.excluded, type: 'count' },
    { header: 'Lift (treated - holdout)', key: 'lift', value: liftText },
    { header: 'Relative lift', key: 'relativeLift', value: (x: CampaignReportData) => x.lift?.relative ?? null, type: 'percent' },
    money('Incremental revenue', 'incrementalRevenue', (x) => x.incrementalRevenue),
    money('Cost', 'cost', (x) => x.cost),
    { header: 'ROI', key: 'roi', value: (x: CampaignReportData) => x.roi, type: 'percent' },
  ], {
    warnings,
    sections: [{
      title: 'Response by group', key: 'groups',
      rows: (x: CampaignReportData): GroupRow[] => (['treated', 'holdout'] as const).map((g) => ({ group: g, ...x.groups[g], _currency: x.currency })),
      columns: [
        { header: 'Group', key: 'group', value: (g: GroupRow) => g.group },
        { header: 'Members', key: 'members', value: (g: GroupRow) => g.members, type: 'count' },
        { header: 'Responded', key: 'responded', value: (g: GroupRow) => g.responded, type: 'count' },
        { header: 'Response rate', key: 'rate', value: (g: GroupRow) => g.rate, type: 'percent' },
        { header: 'Revenue', key: 'revenue', value: (g: GroupRow) => g.revenue, type: 'money', currency: (g: GroupRow) => g._currency },
        { header: 'Revenue per member', key: 'revenuePerMember', value: (g: GroupRow) => g.revenuePerMember, type: 'money', currency: (g: GroupRow) => g._currency },
      ],
    }],
  });
}

export function campaignsView(r: { campaigns: CampaignReportData[] }): Output {
  return record(r, [{ header: 'Campaigns', key: 'count', value: (x: { campaigns: CampaignReportData[] }) => x.campaigns.length, type: 'count' }], {
    sections: [{
      title: 'Campaigns', key: 'campaigns', rows: (x: { campaigns: CampaignReportData[] }) => x.campaigns, empty: 'no campaigns yet',
      columns: [
        { header: 'Campaign', key: 'campaign', value: (c: CampaignReportData) => c.campaign },
        { header: 'Channel', key: 'channel', value: (c: CampaignReportData) => c.channel },
        { header: 'Start', key: 'start', value: (c: CampaignReportData) => c.window.from, type: 'date' },
        { header: 'Members', key: 'members', value: (c: CampaignReportData) => c.targeted, type: 'count' },
        { header: 'Treated rate', key: 'treatedRate', value: (c: CampaignReportData) => c.groups.treated.rate, type: 'percent' },
        { header: 'Holdout rate', key: 'holdoutRate', value: (c: CampaignReportData) => c.groups.holdout.rate, type: 'percent' },
        { header: 'Lift', key: 'lift', value: (c: CampaignReportData) => (c.lift ? pp(c.lift.absolute) : 'n/a (no holdout)') },
        { header: 'Incremental revenue', key: 'incrementalRevenue', value: (c: CampaignReportData) => c.incrementalRevenue, type: 'money', currency: (c: CampaignReportData) => c.currency },
        { header: 'Cost', key: 'cost', value: (c: CampaignReportData) => c.cost, type: 'money', currency: (c: CampaignReportData) => c.currency },
        { header: 'ROI', key: 'roi', value: (c: CampaignReportData) => c.roi, type: 'percent' },
      ],
    }],
  });
}
