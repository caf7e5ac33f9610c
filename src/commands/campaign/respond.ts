import type { Context } from '../../context.js';
import { memberJson } from '../../domain/campaign.js';
import { isoDate, parseWhen } from '../../domain/dates.js';
import { ONE_LINE, rejected } from '../../domain/check.js';
import { memberColumns, responded } from '../../output/views/campaign.js';
import { record } from '../../output/view.js';
import { resolveMember } from './member.js';
import { resolveCampaign } from './shared.js';
import type { CampaignInput } from './spec.js';

/** Records a member's response (treated or holdout alike: a holdout member's response is what makes it a control). */
export async function run({ args: [ref, who], opts }: CampaignInput<'respond'>, ctx: Context) {
  const on = opts.at === undefined ? isoDate(ctx.now) : isoDate(parseWhen(opts.at, ctx.now, '--at').at);
  const outcome = opts.outcome === undefined ? null : opts.outcome.trim() || null;
  if (outcome !== null && ONE_LINE.control.test(outcome)) throw rejected('--outcome', outcome, ONE_LINE.message);
  const { c, m } = await ctx.write(async (tx) => {
    const c = await resolveCampaign(tx, ref!);
    const m = await resolveMember(tx, c, await tx.campaigns.members(c.id), who!);
    await tx.campaigns.respond(c, m, on, outcome);
    return { c, m };
  });
  return record(memberJson({ ...m, respondedOn: on, outcome }), memberColumns, { done: responded(m.name, c.name, on) });
}
