import type { Input } from '../../cli/action.js';
import type { Context } from '../../context.js';
import { isoDate } from '../../domain/dates.js';
import { followupJson } from '../../domain/followup.js';
import { followupView } from '../../output/views/followup.js';
import { added } from '../../output/views/notices.js';
import { type FollowupFlags, followupFields } from './shared.js';

export async function run({ args: [title], opts }: Input<FollowupFlags>, ctx: Context) {
  const f = await ctx.write(async (tx) => tx.followups.create(await followupFields({ ...opts, title }, ctx, tx)));
  return followupView(followupJson(f, isoDate(ctx.now)), added('follow-up', { id: f.id, name: `${f.title} (due ${f.dueDate})` }));
}
