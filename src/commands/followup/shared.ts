import type { Context } from '../../context.js';
import { localTime } from '../../domain/calendar.js';
import { isoDate, parseWhen } from '../../domain/dates.js';
import { checkConsent } from '../../domain/consent.js';
import { check, name, optionalText } from '../../domain/fields.js';
import { type Followup, type FollowupFields, parseRepeat, seriesOf } from '../../domain/followup.js';
import { invalid } from '../../errors.js';
import type { Repos } from '../../store/store.js';
import { ownerOf } from '../fields.js';
import { resolveLinks } from '../links.js';
import type { FollowupFlags } from './spec.js';

/** A due date, and a time of day when the user gave one ("friday 10:00"). */
export function parseDue(text: string, now: Date, field: string): { dueDate: string; dueTime: string | null } {
  const when = parseWhen(text, now, field);
  return { dueDate: isoDate(when.at), dueTime: when.hasTime ? localTime(when.at) : null };
}

export async function followupFields(opts: FollowupFlags, ctx: Context, repos: Repos, base?: Followup): Promise<FollowupFields> {
  if (!base && opts.due === undefined) throw invalid('--due', 'a follow-up needs a due date', 'pass --due, e.g. --due tomorrow or --due "friday 10:00"');
  const due = opts.due === undefined ? { dueDate: base!.dueDate, dueTime: base!.dueTime } : parseDue(opts.due, ctx.now, '--due');
  const links = await resolveLinks(repos, opts, [], base);
  const repeat = opts.repeat === undefined ? (base?.repeat ?? null)
    : ['none', 'never', ''].includes(opts.repeat.trim().toLowerCase()) ? null : parseRepeat(opts.repeat, '--repeat');
  return {
    title: opts.title === undefined ? base!.title : check(name, opts.title, base ? '--title' : 'title'),
    ...due,
    owner: ownerOf(opts, ctx, base?.owner),
    priority: opts.priority ?? base?.priority ?? 'normal',
    status: base?.status ?? 'open',
    doneAt: base?.doneAt ?? null,
    repeat,
    ...seriesOf({ dueDate: due.dueDate, repeat }, base, opts.due !== undefined),
    notes: opts.notes === undefined ? (base?.notes ?? null) : optionalText.parse(opts.notes),
    ...links,
  };
}

export async function loadFollowup(repos: Repos, ref: string): Promise<Followup> {
  const { id } = await repos.refs.resolve(ref, ['followup']);
  return (await repos.followups.get(id))!;
}

/**
 * A follow-up newly scheduled with a contact (added, linked to them, or the next of a series) is refused (exit 5)
 * when they may not be contacted, unless overridden; an override is journalled with the write.
 */
export async function checkScheduling(repos: Repos, contactId: number | null, override: boolean | undefined, seriesOf?: number) {
  const person = contactId === null ? null : (await repos.contacts.get(contactId)) ?? null;
  const note = checkConsent(person, { kind: 'followup', seriesOf }, Boolean(override));
  if (note) await repos.journal?.note(note);
}
