import type { Context } from '../../context.js';
import { check, name, owner } from '../../domain/fields.js';
import { type Followup, parseRepeat, PRIORITIES, repeatText } from '../../domain/followup.js';
import type { Prompter } from '../../io/prompter.js';
import { pickRecord } from '../ask/pickers.js';
import { type Asked, oneOf, text } from '../ask/questions.js';
import type { LinkFlags } from '../flags.js';
import { parseDue } from './shared.js';
import type { FollowupFlags } from './spec.js';

export const due = (ctx: Context, o: { default?: string; message?: string } = {}) => text(o.message ?? 'Due (tomorrow, friday 10:00, +3d, 2026-04-01, ...)', {
  required: true,
  default: o.default,
  check: (v) => parseDue(v, ctx.now, '--due'),
  preview: (v) => {
    const d = parseDue(v, ctx.now, '--due');
    return d.dueTime ? `${d.dueDate} ${d.dueTime}` : d.dueDate;
  },
});

const repeat = text('Repeat after completion (3d, 2w, 1m, 1q, 1y; empty: never)', {
  check: (v) => (['none', 'never'].includes(v.trim().toLowerCase()) ? null : parseRepeat(v, '--repeat')),
});
const ownerQ = (ctx: Context) => text('Owner', { default: ctx.user, check: (v) => check(owner, v, '--owner') });

export const followupTitle: Asked<FollowupFlags> = ['title', text('Title', { required: true, check: (v) => check(name, v, 'title') })];

/** What `crm followup add` asks after the title and the record it is about. */
export const newFollowupQuestions = (ctx: Context): Asked<FollowupFlags>[] => [
  ['due', due(ctx, { default: 'tomorrow' })],
  ['priority', oneOf('Priority', PRIORITIES, { default: 'normal' })],
  ['repeat', repeat],
  ['owner', ownerQ(ctx)],
];

export const followupChangeQuestions = (ctx: Context, f: Followup): Asked<FollowupFlags>[] => [
  ['title', text('Title', { required: true, check: (v) => check(name, v, '--title') }), f.title],
  ['due', due(ctx), f.dueTime ? `${f.dueDate} ${f.dueTime}` : f.dueDate],
  ['priority', oneOf('Priority', PRIORITIES), f.priority],
  ['repeat', repeat, repeatText(f.repeat) ?? ''],
  ['owner', ownerQ(ctx), f.owner],
  ['notes', text('Notes'), f.notes ?? ''],
];

/**
 * The contact, company or deal a follow-up or activity is about, picked by searching; the answer goes to the
 * link flag of its kind. Nothing picked, nothing linked.
 */
export async function askLink(p: Prompter, ctx: Context, message: string): Promise<LinkFlags> {
  const picked = await pickRecord(ctx, ['contact', 'company', 'deal'], message, { optional: true })(p, undefined, {});
  const kind = picked.split(':')[0] as keyof LinkFlags;
  return picked ? { [kind]: picked } : {};
}
