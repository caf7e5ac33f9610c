import { dayNumber } from './calendar.js';
import { ONE_LINE, rejected } from './check.js';
import { toMajor } from './money.js';
import { type Stamps, stampsJson } from './record.js';

/** analytics.md "Campaigns". */
export const CHANNELS = ['email', 'call', 'mail', 'event', 'ads'] as const;
export type Channel = (typeof CHANNELS)[number];
export const GROUPS = ['treated', 'holdout'] as const;
export type Group = (typeof GROUPS)[number];

/** Attribution window after the campaign's end, in days (analytics.md: default campaign end + 30 days). */
export const DEFAULT_WINDOW_DAYS = 30;
/** z for a two-sided 95% interval, as analytics.md fixes it. */
export const Z95 = 1.959964;

export interface CampaignFields {
  name: string;
  channel: Channel;
  budgetMinor: number | null;
  costMinor: number | null;
  currency: string;
  startsOn: string;
  endsOn: string;
  windowDays: number;
  owner: string;
  notes: string | null;
}

export interface Campaign extends CampaignFields, Stamps {
  id: number;
  excluded: number;
}

export interface MemberRef {
  kind: 'company' | 'contact';
  id: number;
}

export interface Member extends MemberRef {
  name: string;
  email: string | null;
  group: Group;
  addedOn: string;
  touchedOn: string | null;
  respondedOn: string | null;
  outcome: string | null;
}

export const memberKey = (m: MemberRef): string => `${m.kind}:${m.id}`;

/** The last day of the attribution window. */
export function windowEnd(c: Pick<Campaign, 'endsOn' | 'windowDays'>): string {
  return new Date((dayNumber(c.endsOn) + c.windowDays) * 86_400_000).toISOString().slice(0, 10);
}

export function campaignJson(c: Campaign, counts?: { members: number; treated: number; holdout: number; touched: number; responded: number }) {
  const money = (m: number | null) => (m === null ? null : toMajor(m, c.currency));
  return {
    id: c.id, name: c.name, channel: c.channel, budget: money(c.budgetMinor), cost: money(c.costMinor), currency: c.currency,
    start: c.startsOn, end: c.endsOn, window: { from: c.startsOn, to: windowEnd(c) }, owner: c.owner, notes: c.notes, excluded: c.excluded,
    ...(counts ?? {}), ...stampsJson(c),
  };
}
export type CampaignJson = ReturnType<typeof campaignJson>;

export const memberJson = (m: Member) => ({
  kind: m.kind, id: m.id, name: m.name, email: m.email, group: m.group, touchedAt: m.touchedOn, respondedAt: m.respondedOn, outcome: m.outcome,
});
export type MemberJson = ReturnType<typeof memberJson>;

export function campaignName(text: string, field: string): string {
  const name = text.trim();
  if (name === '' || ONE_LINE.control.test(name) || name.length > 200) throw rejected(field, text, 'is not a campaign name; give one line of text, e.g. "Spring 2026"');
  return name;
}

/** `--holdout 10%` (or 10, or 0.1): the share as a fraction, 0 <= share < 1. */
export function holdoutShare(text: string, field: string): number {
  const t = text.trim();
  const m = /^(\d{1,3}(?:\.\d+)?)\s*%$/.exec(t) ?? /^(\d{1,3}(?:\.\d+)?)$/.exec(t);
  const n = m ? Number(m[1]) : NaN;
  const share = t.endsWith('%') || n >= 1 ? n / 100 : n;
  if (!m || !(share >= 0 && share < 1)) throw rejected(field, text, 'is not a holdout share; give a percentage below 100, e.g. 10%');
  return share;
}

/** `--seed N`: a whole number the holdout draw starts from. */
export function seedOf(text: string, field: string): number {
  if (!/^\d{1,10}$/.test(text.trim()) || Number(text) > 0xffffffff) throw rejected(field, text, 'is not a seed; give a whole number, e.g. 42');
  return Number(text.trim());
}

/** mulberry32: a small seeded generator whose sequence is the same on every machine. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The holdout draw (analytics.md): each eligible member independently with probability `share`, from a generator
 * seeded with `seed`, members taken in a fixed order (companies before contacts, then by id) so that the same seed
 * and the same member list give the same split whatever order they were found in.
 */
export function drawHoldout<M extends MemberRef>(members: readonly M[], share: number, seed: number): (M & { group: Group })[] {
  const next = seeded(seed);
  const ordered = [...members].sort((a, b) => (a.kind === b.kind ? a.id - b.id : a.kind === 'company' ? -1 : 1));
  return ordered.map((m) => ({ ...m, group: share > 0 && next() < share ? 'holdout' as const : 'treated' as const }));
}

/** One member as the report reads it: its group, its recorded response, and the orders of its customer. */
export interface MemberFacts {
  group: Group;
  touchedOn: string | null;
  respondedOn: string | null;
  /** Orders of the member's customer (its company for a contact who works for one), in the campaign's currency. */
  orders: readonly { date: string; amountMinor: number }[];
}

export interface GroupResult {
  members: number;
  responded: number;
  rate: number | null;
  /** Minor units (fractional: a mean). */
  revenuePerMember: number | null;
  revenue: number;
}

export interface CampaignResult {
  window: { from: string; to: string };
  targeted: number;
  contacted: number;
  groups: { treated: GroupResult; holdout: GroupResult };
  lift: { absolute: number; low: number; high: number; relative: number | null } | null;
  /** Minor units; null without a holdout. */
  incrementalRevenue: number | null;
  costMinor: number | null;
  roi: number | null;
  /** Why lift is not reported, when it is not. */
  liftNote: string | null;
}

/**
 * analytics.md "Campaigns": a member responded when a response is recorded for it, or its customer placed an order
 * (amount > 0), between the campaign start and the end of the attribution window; revenue per member = the group's
 * order amounts (refunds included) dated in the window / its members; lift = treated rate - holdout rate with the
 * unpooled normal interval; incremental revenue = (treated - holdout revenue per member) x treated members; ROI =
 * (incremental revenue - cost) / cost, the cost being the actual cost when recorded, else the budget.
 */
export function campaignResult(c: Pick<Campaign, 'startsOn' | 'endsOn' | 'windowDays' | 'budgetMinor' | 'costMinor'>,
  members: readonly MemberFacts[]): CampaignResult {
  const from = c.startsOn;
  const to = windowEnd(c);
  const inWindow = (d: string | null) => d !== null && d >= from && d <= to;
  const group = (g: Group): GroupResult => {
    const ms = members.filter((m) => m.group === g);
    let responded = 0;
    let revenue = 0;
    for (const m of ms) {
      const orders = m.orders.filter((o) => inWindow(o.date));
      if (inWindow(m.respondedOn) || orders.some((o) => o.amountMinor > 0)) responded += 1;
      for (const o of orders) revenue += o.amountMinor;
    }
    const n = ms.length;
    return { members: n, responded, rate: n ? responded / n : null, revenuePerMember: n ? revenue / n : null, revenue };
  };
  const treated = group('treated');
  const holdout = group('holdout');
  const costMinor = c.costMinor ?? c.budgetMinor;
  let lift: CampaignResult['lift'] = null;
  let incrementalRevenue: number | null = null;
  let roi: number | null = null;
  let liftNote: string | null = null;
  if (holdout.members === 0) liftNote = 'no holdout group: lift cannot be measured (target with --holdout, e.g. 10%)';
  else if (treated.members === 0) liftNote = 'no treated members: lift cannot be measured';
  else {
    const p1 = treated.rate!;
    const p2 = holdout.rate!;
    const se = Math.sqrt(p1 * (1 - p1) / treated.members + p2 * (1 - p2) / holdout.members);
    const absolute = p1 - p2;
    lift = { absolute, low: absolute - Z95 * se, high: absolute + Z95 * se, relative: p2 > 0 ? p1 / p2 - 1 : null };
    incrementalRevenue = (treated.revenuePerMember! - holdout.revenuePerMember!) * treated.members;
    roi = costMinor ? (incrementalRevenue - costMinor) / costMinor : null;
  }
  return {
    window: { from, to }, targeted: members.length, contacted: members.filter((m) => m.touchedOn !== null).length,
    groups: { treated, holdout }, lift, incrementalRevenue, costMinor, roi, liftNote,
  };
}
