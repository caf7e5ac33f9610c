import type { Context } from '../../context.js';
import { teamList } from '../../output/views/team.js';

export async function run(_: unknown, ctx: Context) {
  const store = await ctx.store();
  return teamList(await store.team.roster(ctx.user));
}
