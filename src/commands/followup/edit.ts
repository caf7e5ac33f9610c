import type { Input } from '../../cli/action.js';
import type { Context } from '../../context.js';
import { isoDate } from '../../domain/dates.js';
import { followupJson } from '../../domain/followup.js';
import { followupView } from '../../output/views/followup.js';
import { updated } from '../../output/views/notices.js';
import { type FollowupFlags, followupFields, loadFollowup } from './shared.js';

export async function run({ args: [ref], opts }: Input<FollowupFlags>, ctx: Context) {
  const f = await ctx.write(async (tx) => {
    const before = await loadFollowup(tx, ref!);
    return tx.followups.update(before, await followupFields(opts, ctx, tx, before));
  });
  return followupView(followupJson(f, isoDate(ctx.now)), updated('follow-up', { id: f.id, name: f.title }));
}
