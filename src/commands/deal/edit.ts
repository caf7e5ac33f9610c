import type { Context } from '../../context.js';
import { ownerOnRoster } from '../fields.js';
import { dealJson } from '../../domain/deal.js';
import { dealView } from '../../output/views/deal.js';
import { updated } from '../../output/views/notices.js';
import { givenOrPicked, pickRecord } from '../ask/pickers.js';
import { changesOf, stillAsSeen } from '../ask/questions.js';
import { dealChangeQuestions } from './ask.js';
import { dealFields, loadDeal } from './shared.js';
import type { DealInput } from './spec.js';

const USAGE = 'crm deal edit DEAL --amount N --close DATE --title T --owner U ...';

export async function run({ args: [given], opts }: DealInput<'edit'>, ctx: Context) {
  await ownerOnRoster(ctx, opts.owner);
  const ref = await givenOrPicked(ctx, given, 'DEAL', USAGE, pickRecord(ctx, ['deal'], 'Deal to edit (type to search)'));
  const { flags, seen } = await changesOf(ctx, opts, USAGE, (store) => loadDeal(store, ref), (deal) => dealChangeQuestions(ctx, deal));
  if (flags.owner !== opts.owner) await ownerOnRoster(ctx, flags.owner); // answered at a prompt
  const deal = await ctx.write(async (tx) => {
    const before = await loadDeal(tx, ref);
    stillAsSeen(seen, before, `deal #${before.id} ${before.title}`);
    return tx.deals.update(before, await dealFields(flags, ctx, tx, before.currency, before));
  });
  return dealView(dealJson(deal, ctx.now), updated('deal', { id: deal.id, name: deal.title }));
}
