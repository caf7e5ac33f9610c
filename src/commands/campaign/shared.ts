import type { Context } from '../../context.js';
import { type Campaign, type CampaignFields, campaignName, type Channel, DEFAULT_WINDOW_DAYS } from '../../domain/campaign.js';
import { COUNT, rejected } from '../../domain/check.js';
import { isoDate, parseWhen } from '../../domain/dates.js';
import { check, owner } from '../../domain/fields.js';
import { parseCurrency, parseMoney } from '../../domain/money.js';
import { invalid, notFound } from '../../errors.js';
import type { Repos } from '../../store/store.js';

/** The campaign a reference names: its id, or its name ignoring case and spacing. */
export async function resolveCampaign(repos: Repos, ref: string, field = 'CAMPAIGN'): Promise<Campaign> {
  const t = ref.trim();
  const c = (/^#?\d+$/.test(t) ? await repos.campaigns.get(Number(t.replace('#', ''))) : undefined) ?? await repos.campaigns.byName(t);
  if (c) return c;
  const names = (await repos.campaigns.list()).map((x) => x.name);
  throw notFound(`${field}: no campaign "${ref}"`, names.length ? `campaigns: ${names.slice(0, 10).join(', ')}` : 'add one with crm campaign add NAME --channel email');
}

export const dateFlag = (text: string | undefined, ctx: Context, field: string, fallback: string): string =>
  (text === undefined ? fallback : isoDate(parseWhen(text, ctx.now, field).at));

interface FieldFlags {
  budget?: string; cost?: string; currency?: string; start?: string; end?: string; window?: string; owner?: string; notes?: string;
  channel?: Channel; name?: string;
}

/** A campaign's fields from flags over `base` (the campaign being edited, or the defaults of a new one). */
export function campaignFields(opts: FieldFlags, ctx: Context, base: CampaignFields): CampaignFields {
  const currency = opts.currency === undefined ? base.currency : parseCurrency(opts.currency, '--currency');
  const money = (text: string | undefined, field: string, was: number | null) =>
    (text === undefined ? was : text.trim() === '' || text === 'none' ? null : parseMoney(text, field, currency).minor);
  const startsOn = dateFlag(opts.start, ctx, '--start', base.startsOn);
  const endsOn = dateFlag(opts.end, ctx, '--end', opts.end === undefined && opts.start !== undefined && base.endsOn < startsOn ? startsOn : base.endsOn);
  if (endsOn < startsOn) throw invalid('--end', `${endsOn} is before the start ${startsOn}`, 'give an end on or after --start');
  let windowDays = base.windowDays;
  if (opts.window !== undefined) {
    if (!COUNT.pattern.test(opts.window.trim())) throw rejected('--window', opts.window, 'is not a number of days; give e.g. 30');
    windowDays = Number(opts.window.trim());
  }
  return {
    name: opts.name === undefined ? base.name : campaignName(opts.name, '--name'),
    channel: opts.channel ?? base.channel,
    budgetMinor: money(opts.budget, '--budget', base.budgetMinor), costMinor: money(opts.cost, '--cost', base.costMinor),
    currency, startsOn, endsOn, windowDays,
    owner: opts.owner === undefined ? base.owner : check(owner, opts.owner, '--owner'),
    notes: opts.notes === undefined ? base.notes : opts.notes.trim() || null,
  };
}

/** A new campaign's fields before its flags: today, you, and the team's currency. */
export const newCampaign = (name: string, channel: Channel, ctx: Context, currency: string): CampaignFields => {
  const today = isoDate(ctx.now);
  return { name, channel, budgetMinor: null, costMinor: null, currency, startsOn: today, endsOn: today,
    windowDays: DEFAULT_WINDOW_DAYS, owner: ctx.user, notes: null };
};
