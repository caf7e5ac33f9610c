import { activityLogged } from '../../output/views/notices.js';
import type { Context } from '../../context.js';
import { activityJson } from '../../domain/activity.js';
import { checkConsent } from '../../domain/consent.js';
import { parseWhen } from '../../domain/dates.js';
import { check, optionalText, satisfaction, summary as summaryText } from '../../domain/fields.js';
import { activityView } from '../../output/views/activity.js';
import { pickRecord } from '../ask/pickers.js';
import { askMissing, text } from '../ask/questions.js';
import { resolveLinks } from '../links.js';
import type { LogAddInput } from './spec.js';

export async function run({ args: [given], opts }: LogAddInput, ctx: Context) {
  let [ref, flags] = [given, opts];
  if (ref === undefined || opts.summary === undefined) {
    const p = await ctx.ask([...(ref === undefined ? ['REF'] : []), ...(opts.summary === undefined ? ['--summary'] : [])],
      `crm log ${opts.type} REF --summary "what happened"`);
    ref ??= await pickRecord(ctx, ['contact', 'company', 'deal'], `${capitalized(opts.type)} with (type to search)`)(p, undefined, {});
    flags = await askMissing(p, flags, [
      ['summary', text('Summary', { required: true, check: (v) => check(summaryText, v, '--summary') })],
      ['outcome', text('Outcome (e.g. interested, no answer; optional)')],
    ]);
  }
  const summary = check(summaryText, flags.summary!, '--summary');
  const at = opts.at === undefined ? ctx.now : parseWhen(opts.at, ctx.now, '--at').at;
  const score = opts.satisfaction === undefined ? null : check(satisfaction, opts.satisfaction, '--satisfaction');
  const activity = await ctx.write(async (tx) => {
    const about = await tx.refs.resolve(ref, ['contact', 'company', 'deal']);
    const links = await resolveLinks(tx, opts, [about]);
    const direction = opts.direction ?? null;
    const person = links.contactId === null ? null : (await tx.contacts.get(links.contactId))!;
    const override = checkConsent(person, { kind: 'activity', type: opts.type, direction }, Boolean(opts.overrideConsent));
    if (override) await tx.journal?.note(override);
    return tx.activities.create({
      type: opts.type, at: at.toISOString(), summary, outcome: flags.outcome === undefined ? null : optionalText.parse(flags.outcome),
      direction, satisfaction: score, ...links,
    });
  });
  return activityView(activityJson(activity), activityLogged(activity.type, activity.id));
}

const capitalized = (s: string) => s[0]!.toUpperCase() + s.slice(1);
