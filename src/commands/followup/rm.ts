import type { Context } from '../../context.js';
import { deleted, deleteQuestion } from '../../output/views/notices.js';
import { loadFollowup } from './shared.js';
import { reload } from '../reload.js';
import type { FollowupInput } from './spec.js';

export async function run({ args: [ref] }: FollowupInput<'rm'>, ctx: Context) {
  const store = await ctx.store();
  const target = await loadFollowup(store, ref!);
  const who = { id: target.id, name: target.title };
  await (await ctx.prompter()).confirm(...deleteQuestion('follow-up', who, 0, ''));
  await ctx.write(async (tx) => tx.followups.remove(await reload((id) => tx.followups.get(id), 'follow-up', who)));
  return { kind: 'none' as const, done: deleted('follow-up', who, 0, '') };
}
