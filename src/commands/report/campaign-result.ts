import { type Campaign, campaignResult, type MemberFacts } from '../../domain/campaign.js';
import { currencyDigits, toMajor } from '../../domain/money.js';
import type { Repos } from '../../store/store.js';

const round = (x: number | null, digits: number) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/** One campaign's report as JSON (analytics.md "Campaigns"): rates and lift as fractions, money in major units. */
export async function campaignReport(repos: Repos, c: Campaign) {
  const members = await repos.campaigns.members(c.id);
  const from = c.startsOn;
  const result0 = campaignResult(c, []);
  const orders = await repos.campaigns.memberOrders(c.id, from, result0.window.to, c.currency);
  const facts: MemberFacts[] = members.map((m) => ({ group: m.group, touchedOn: m.touchedOn, respondedOn: m.respondedOn,
    orders: orders.get(`${m.kind}:${m.id}`) ?? [] }));
  const r = campaignResult(c, facts);
  const money = (minor: number | null) => (minor === null ? null : round(toMajor(minor, c.currency), currencyDigits(c.currency)));
  const group = (g: typeof r.groups.treated) => ({ members: g.members, responded: g.responded, rate: round(g.rate, 6),
    revenue: money(g.revenue), revenuePerMember: money(g.revenuePerMember) });
  return {
    campaign: c.name, channel: c.channel, currency: c.currency, window: r.window, excluded: c.excluded, targeted: r.targeted, contacted: r.contacted,
    groups: { treated: group(r.groups.treated), holdout: group(r.groups.holdout) },
    lift: r.lift && { absolute: round(r.lift.absolute, 6)!, low: round(r.lift.low, 6)!, high: round(r.lift.high, 6)!, relative: round(r.lift.relative, 6) },
    incrementalRevenue: money(r.incrementalRevenue), cost: money(r.costMinor), roi: round(r.roi, 4), note: r.liftNote,
  };
}
export type CampaignReport = Awaited<ReturnType<typeof campaignReport>>;
