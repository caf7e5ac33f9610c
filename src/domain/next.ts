import { addDays } from 'date-fns/addDays';
import { endOfWeek } from 'date-fns/endOfWeek';
import { daysBetween, localDay } from './calendar.js';
import { isoDate } from './dates.js';
import type { Priority } from './followup.js';
import { toMajor } from './money.js';

/**
 * `crm next`: one salesperson's day as one ranked list. The order is by urgency, the kinds in this order, each kind
 * by what is at stake: overdue follow-ups (then those due today), deals closing this week without a next step,
 * stale deals past their stage's rotting days, valuable customers at risk, campaign members still to contact, and
 * cross-sell at good customers. Every action names the command that acts on it.
 */
export const ACTION_KINDS = ['followup', 'closing', 'stale', 'at-risk', 'campaign', 'cross-sell'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export interface Subject {
  kind: 'company' | 'contact' | 'deal' | 'followup';
  id: number;
  name: string;
}

export interface NextFacts {
  today: string;
  followups: { id: number; title: string; dueDate: string; priority: Priority; about: string | null }[];
  deals: {
    id: number; title: string; amountMinor: number; currency: string; stage: string; expectedClose: string | null; nextStep: string | null;
    /** Days since the last stage change or activity, and the stage's rotting days (null: never rots). */
    idleDays: number; rottingDays: number | null;
  }[];
  atRisk: { kind: 'company' | 'contact'; id: number; name: string; valueAtRiskMinor: number; currency: string; why: string }[];
  campaignMembers: { campaign: string; channel: string; kind: 'company' | 'contact'; id: number; name: string; endsOn: string }[];
  crossSell: { kind: 'company' | 'contact'; id: number; name: string; product: string; productName: string; because: string; confidence: number; lift: number }[];
}

export interface Action {
  rank: number;
  kind: ActionKind;
  subject: Subject;
  reason: string;
  command: string;
  amount: number | null;
  currency: string | null;
}

/** A word as a POSIX shell reads it back: bare when safe, else in single quotes. */
export const shellWord = (s: string): string => (/^[\w.@:/+,=-]+$/.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`);

const PRIORITY_ORDER: Record<Priority, number> = { high: 0, normal: 1, low: 2 };

/** The last day of the week `today` is in (weeks run Monday to Sunday). */
export const weekEnd = (today: string): string => isoDate(endOfWeek(localDay(today), { weekStartsOn: 1 }));

export function nextActions(f: NextFacts): Omit<Action, 'rank'>[] {
  const out: Omit<Action, 'rank'>[] = [];
  const money = (minor: number, currency: string) => ({ amount: toMajor(minor, currency), currency });
  const none = { amount: null, currency: null };
  const followups = [...f.followups].filter((x) => x.dueDate <= f.today)
    .sort((a, b) => Number(a.dueDate === f.today) - Number(b.dueDate === f.today) || PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority]
      || (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id - b.id));
  for (const x of followups) {
    const late = daysBetween(x.dueDate, f.today);
    out.push({ kind: 'followup', subject: { kind: 'followup', id: x.id, name: x.title },
      reason: `${late === 0 ? 'due today' : `overdue by ${late} day${late === 1 ? '' : 's'}`}${x.priority === 'high' ? ', high priority' : ''}${x.about ? ` (${x.about})` : ''}`,
      command: `crm followup done ${x.id}`, ...none });
  }
  const end = weekEnd(f.today);
  const byAmount = (a: { amountMinor: number; id: number }, b: { amountMinor: number; id: number }) => b.amountMinor - a.amountMinor || a.id - b.id;
  const closing = f.deals.filter((d) => d.expectedClose !== null && d.expectedClose <= end && !d.nextStep).sort(byAmount);
  for (const d of closing) {
    const when = d.expectedClose! < f.today ? `was expected to close ${d.expectedClose}` : `closes ${d.expectedClose === f.today ? 'today' : `this week (${d.expectedClose})`}`;
    out.push({ kind: 'closing', subject: { kind: 'deal', id: d.id, name: d.title }, reason: `${when} in ${d.stage} with no next step`,
      command: `crm deal edit ${d.id} --next-step ${shellWord('agree the close')}`, ...money(d.amountMinor, d.currency) });
  }
  const inClosing = new Set(closing.map((d) => d.id));
  for (const d of f.deals.filter((x) => x.rottingDays !== null && x.idleDays > x.rottingDays && !inClosing.has(x.id)).sort(byAmount)) {
    out.push({ kind: 'stale', subject: { kind: 'deal', id: d.id, name: d.title },
      reason: `idle ${d.idleDays} days in ${d.stage} (rots after ${d.rottingDays})`, command: `crm log call deal:${d.id} --summary ${shellWord('checked in')}`,
      ...money(d.amountMinor, d.currency) });
  }
  for (const c of [...f.atRisk].sort((a, b) => b.valueAtRiskMinor - a.valueAtRiskMinor || a.id - b.id)) {
    out.push({ kind: 'at-risk', subject: { kind: c.kind, id: c.id, name: c.name }, reason: `at risk: ${c.why}`,
      command: `crm log call ${c.kind}:${c.id} --summary ${shellWord('win-back call')}`, ...money(c.valueAtRiskMinor, c.currency) });
  }
  for (const m of f.campaignMembers) {
    out.push({ kind: 'campaign', subject: { kind: m.kind, id: m.id, name: m.name }, reason: `not yet contacted for ${m.campaign} (${m.channel}, ends ${m.endsOn})`,
      command: `crm campaign touch ${shellWord(m.campaign)} ${m.kind}:${m.id}`, ...none });
  }
  for (const x of [...f.crossSell].sort((a, b) => b.confidence * b.lift - a.confidence * a.lift || a.id - b.id)) {
    out.push({ kind: 'cross-sell', subject: { kind: x.kind, id: x.id, name: x.name },
      reason: `likely to buy ${x.product} ${x.productName}: ${Math.round(x.confidence * 100)}% of baskets with ${x.because} have it (lift ${x.lift.toFixed(1)})`,
      command: `crm deal add ${shellWord(`${x.productName || x.product} for ${x.name}`)} --${x.kind} ${x.kind}:${x.id}`, ...none });
  }
  return out;
}

export const rankActions = (actions: readonly Omit<Action, 'rank'>[]): Action[] => actions.map((a, i) => ({ rank: i + 1, ...a }));

/** Days from `from` to the as-of day. */
export const idleDaysOf = (last: string, today: string) => daysBetween(last.slice(0, 10), today);
export const tomorrow = (today: string) => isoDate(addDays(localDay(today), 1));
