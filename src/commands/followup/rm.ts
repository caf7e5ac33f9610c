import type { Input } from '../../cli/action.js';
import type { Context } from '../../context.js';
import { deleted, deleteQuestion } from '../../output/views/notices.js';
import { loadFollowup } from './shared.js';

export async function run({ args: [ref] }: Input, ctx: Context) {
  const store = await ctx.store();
  const target = await loadFollowup(store, ref!);
  const who = { id: target.id, name: target.title };
  await (await ctx.prompter()).confirm(...deleteQuestion('follow-up', who, 0, ''));
  await ctx.write(async (tx) => tx.followups.remove((await tx.followups.get(target.id))!));
  return { kind: 'none' as const, done: deleted('follow-up', who, 0, '') };
}
