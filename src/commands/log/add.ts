import type { Input } from '../../cli/action.js';
import { activityLogged } from '../../output/views/notices.js';
import type { Context } from '../../context.js';
import { type ActivityType, activityJson, type Direction } from '../../domain/activity.js';
import { parseWhen } from '../../domain/dates.js';
import { check, name, optionalText, satisfaction } from '../../domain/fields.js';
import { invalid } from '../../errors.js';
import { activityView } from '../../output/views/activity.js';
import { type LinkFlags, resolveLinks } from '../links.js';

interface Flags extends LinkFlags {
  type: ActivityType;
  summary?: string;
  at?: string;
  outcome?: string;
  satisfaction?: string;
  direction?: Direction;
}

export async function run({ args: [ref], opts }: Input<Flags>, ctx: Context) {
  if (opts.summary === undefined) throw invalid('--summary', `a ${opts.type} needs a summary`, `pass --summary "what happened"`);
  const summary = check(name, opts.summary, '--summary');
  const at = opts.at === undefined ? ctx.now : parseWhen(opts.at, ctx.now, '--at').at;
  const score = opts.satisfaction === undefined ? null : check(satisfaction, opts.satisfaction, '--satisfaction');
  const activity = await ctx.write(async (tx) => {
    const about = await tx.refs.resolve(ref!, ['contact', 'company', 'deal']);
    const links = await resolveLinks(tx, opts, [about]);
    return tx.activities.create({
      type: opts.type, at: at.toISOString(), summary, outcome: opts.outcome === undefined ? null : optionalText.parse(opts.outcome),
      direction: opts.direction ?? null, satisfaction: score, ...links,
    });
  });
  return activityView(activityJson(activity), activityLogged(activity.type, activity.id));
}
