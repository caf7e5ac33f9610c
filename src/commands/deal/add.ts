import type { Context } from '../../context.js';
import { ownerOnRoster } from '../fields.js';
import { dealJson } from '../../domain/deal.js';
import { dealView } from '../../output/views/deal.js';
import { added } from '../../output/views/notices.js';
import { askMissing } from '../ask/questions.js';
import { newDealQuestions } from './ask.js';
import { dealFields } from './shared.js';
import type { DealFlags, DealInput } from './spec.js';

export async function run({ args: [title], opts }: DealInput<'add'>, ctx: Context) {
  await ownerOnRoster(ctx, opts.owner);
  const { currency } = (await ctx.shared()).values;
  let flags: DealFlags = { ...opts, title };
  if (title === undefined) {
    const p = await ctx.ask(['TITLE'], 'crm deal add TITLE [--amount N] [--stage S] [--company C]');
    flags = await askMissing(p, flags, newDealQuestions(ctx, currency));
    if (flags.owner !== opts.owner) await ownerOnRoster(ctx, flags.owner); // answered at a prompt
  }
  const deal = await ctx.write(async (tx) => tx.deals.create(await dealFields(flags, ctx, tx, currency)));
  return dealView(dealJson(deal, ctx.now), added('deal', { id: deal.id, name: deal.title }));
}
