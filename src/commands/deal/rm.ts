import type { Context } from '../../context.js';
import { deleted, deleteQuestion } from '../../output/views/notices.js';
import { loadDeal } from './shared.js';
import { reload } from '../reload.js';
import type { DealInput } from './spec.js';

export async function run({ args: [ref] }: DealInput<'rm'>, ctx: Context) {
  const store = await ctx.store();
  const target = await loadDeal(store, ref!);
  const who = { id: target.id, name: target.title };
  await (await ctx.prompter()).confirm(...deleteQuestion('deal', who, 0, ''));
  await ctx.write(async (tx) => {
    const deal = await reload((id) => tx.deals.get(id), 'deal', who);
    await tx.deals.remove(deal);
  });
  return { kind: 'none' as const, done: deleted('deal', who, 0, '') };
}
