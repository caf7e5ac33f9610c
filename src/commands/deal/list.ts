import type { Context } from '../../context.js';
import { check, listLimit } from '../../domain/check.js';
import { dealJson, isStale } from '../../domain/deal.js';
import { parsePeriod } from '../../domain/periods.js';
import { usageError } from '../../errors.js';
import { dealList } from '../../output/views/deal.js';
import { findStage } from '../stage/shared.js';
import type { DealInput } from './spec.js';

export async function run({ opts }: DealInput<'list'>, ctx: Context) {
  const statuses = (['open', 'won', 'lost', 'all'] as const).filter((s) => opts[s]);
  if (statuses.length > 1) throw usageError(`--${statuses.join(' and --')} contradict each other`, 'pass one of --open, --won, --lost, --all');
  const store = await ctx.store();
  const stage = opts.stage === undefined ? undefined : await findStage(store, opts.stage, '--stage');
  const limit = check(listLimit, opts.limit, '--limit');
  let deals = await store.deals.list({
    // A stage filter shows that stage whatever its outcome: "--stage Won" lists won deals.
    status: statuses[0] ?? (stage ? 'all' : 'open'),
    stageId: stage?.id,
    owner: opts.mine ? ctx.user : opts.owner,
    closing: opts.closing === undefined ? undefined : parsePeriod(opts.closing, ctx.now, '--closing'),
    companyId: opts.company === undefined ? undefined : (await store.refs.resolve(opts.company, ['company'])).id,
    contactId: opts.contact === undefined ? undefined : (await store.refs.resolve(opts.contact, ['contact'])).id,
    search: opts.search,
    sort: opts.sort,
    desc: opts.desc,
    limit: opts.stale ? undefined : limit,
  });
  if (opts.stale) deals = deals.filter((d) => isStale(d, ctx.now)).slice(0, limit);
  return dealList(deals.map((d) => dealJson(d, ctx.now)));
}
