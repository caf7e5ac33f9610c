import { randomInt } from 'node:crypto';
import type { Context } from '../../context.js';
import { drawHoldout, holdoutShare, type MemberRef, memberKey, seedOf } from '../../domain/campaign.js';
import { checkAll, tag } from '../../domain/check.js';
import { isoDate } from '../../domain/dates.js';
import { check, owner } from '../../domain/fields.js';
import { customerPortfolio } from '../../domain/portfolio.js';
import { segmentMap } from '../../domain/config.js';
import { segmentNameIn } from '../../domain/report-options.js';
import { rfmScores } from '../../domain/rfm.js';
import { invalid, notFound, usageError } from '../../errors.js';
import { targetView } from '../../output/views/campaign.js';
import { customerValues } from '../report/customers.js';
import { atRiskCustomers } from '../report/model.js';
import { dateFlag, resolveCampaign } from './shared.js';
import type { CampaignInput } from './spec.js';

type Opts = CampaignInput<'target'>['opts'];

async function readIds(ctx: Context): Promise<number[]> {
  let text = '';
  for await (const chunk of ctx.streams.stdin) text += String(chunk);
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '').map((l, i) => {
    if (!/^#?\d{1,12}$/.test(l)) throw invalid('--ids', `line ${i + 1} of standard input, "${l}", is not an id`, 'give one id a line, as crm contact list -q prints them');
    return Number(l.replace('#', ''));
  });
}

/** The customers the customer-value filters pick (all of them must hold), as record keys; null when none is given. */
async function customerKeys(opts: Opts, ctx: Context): Promise<Set<string> | null> {
  if (opts.snapshot !== undefined && opts.segment === undefined) throw usageError('--snapshot needs --segment', 'e.g. --segment at-risk --snapshot 2026-Q1');
  if (opts.segment === undefined && opts.tier === undefined && !opts.atRisk) return null;
  const asOf = dateFlag(opts.asOf, ctx, '--as-of', isoDate(ctx.now));
  const sets: Set<string>[] = [];
  const v = await customerValues({ asOf }, ctx);
  if (opts.segment !== undefined) {
    const map = segmentMap((await ctx.shared()).values);
    const segment = check(segmentNameIn(map), opts.segment, '--segment');
    if (opts.snapshot !== undefined) {
      const saved = await v.data.snapshot(opts.snapshot);
      if (!saved) throw notFound(`--snapshot: no saved segmentation "${opts.snapshot}"`, 'see crm report rfm --save NAME');
      sets.push(new Set([...saved.members].filter(([, s]) => s === segment).map(([k]) => k)));
    } else {
      sets.push(new Set(rfmScores(v.inputs, 5, map).filter((c) => c.segment === segment).map((c) => c.key)));
    }
  }
  if (opts.tier !== undefined) {
    sets.push(new Set(customerPortfolio(v, v.names, v.fx, 0, v.unconverted).filter((r) => r.tier === opts.tier).map((r) => r.key)));
  }
  if (opts.atRisk) sets.push(new Set((await atRiskCustomers(ctx, asOf)).map((r) => memberKey(r))));
  return sets.reduce((a, b) => new Set([...a].filter((k) => b.has(k))));
}

/**
 * Adds the records the filters pick to the campaign, each drawn into the holdout with the given share (analytics.md:
 * independently, from a seeded generator). Opted-out and do-not-contact contacts, and companies none of whose people
 * may be contacted, are left out and counted; members already in the campaign keep their group.
 */
export async function run({ args: [ref], opts }: CampaignInput<'target'>, ctx: Context) {
  const share = holdoutShare(opts.holdout, '--holdout');
  const seed = opts.seed === undefined ? randomInt(1, 2 ** 31) : seedOf(opts.seed, '--seed');
  const tags = checkAll(tag, opts.tag, '--tag');
  const who = opts.mine ? ctx.user : opts.owner === undefined ? undefined : check(owner, opts.owner, '--owner');
  const store = await ctx.store();
  const campaign = await resolveCampaign(store, ref!);
  const keys = await customerKeys(opts, ctx);
  if (keys !== null && (opts.lifecycle !== undefined || opts.company !== undefined || opts.ids !== undefined)) {
    const flag = opts.lifecycle !== undefined ? '--lifecycle' : opts.company !== undefined ? '--company' : '--ids';
    throw usageError(`${flag} picks contacts; it does not combine with --segment, --tier or --at-risk, which pick customers`,
      'target twice: once by contacts, once by customers');
  }
  if (opts.ids === 'company' && (opts.lifecycle !== undefined || opts.company !== undefined)) {
    throw usageError(`${opts.lifecycle !== undefined ? '--lifecycle' : '--company'} picks contacts; it does not combine with --ids company`, 'leave it out');
  }
  const ids = opts.ids === undefined ? undefined : await readIds(ctx);
  const companyId = opts.company === undefined ? undefined : (await store.refs.resolve(opts.company, ['company'], '--company')).id;
  let found;
  if (keys !== null) {
    const idsOf = (kind: string) => [...keys].filter((k) => k.startsWith(`${kind}:`)).map((k) => Number(k.slice(kind.length + 1)));
    found = [...await store.campaigns.companies({ tags, owner: who, ids: idsOf('company') }),
      ...await store.campaigns.contacts({ tags, owner: who, ids: idsOf('contact') })];
  } else if (opts.ids === 'company') {
    found = await store.campaigns.companies({ tags, owner: who, ids });
  } else {
    found = await store.campaigns.contacts({ tags, owner: who, lifecycle: opts.lifecycle, companyId, ids });
  }
  const already = new Set((await store.campaigns.members(campaign.id)).map(memberKey));
  const fresh = found.filter((m) => !already.has(memberKey(m)));
  const excluded = fresh.filter((m) => m.blocked).length;
  const drawn = drawHoldout(fresh.filter((m) => !m.blocked).map((m): MemberRef => ({ kind: m.kind, id: m.id })), share, seed);
  if (!opts.dryRun && (drawn.length || excluded)) {
    await ctx.write(async (tx) => tx.campaigns.addMembers(await resolveCampaign(tx, String(campaign.id)), drawn, isoDate(ctx.now), excluded));
  }
  const holdout = drawn.filter((m) => m.group === 'holdout').length;
  return targetView({
    campaign: campaign.name, added: drawn.length, treated: drawn.length - holdout, holdout, excluded, alreadyMembers: found.length - fresh.length,
    holdoutShare: share, seed, dryRun: Boolean(opts.dryRun),
  });
}
