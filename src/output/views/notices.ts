import { formatMoney } from '../money.js';

/** Status lines for stderr after a write; data itself goes to stdout through the record views. */
const who = (kind: string, r: { id: number; name: string }) => `${kind} #${r.id} ${r.name}`;

export const added = (kind: string, r: { id: number; name: string }) => `added ${who(kind, r)}`;
export const updated = (kind: string, r: { id: number; name: string }) => `updated ${who(kind, r)}`;
export const merged = (keep: { id: number; name: string }, dup: { id: number; name: string }) =>
  `merged contact #${dup.id} ${dup.name} into ${who('contact', keep)}`;

export function deleted(kind: string, r: { id: number; name: string }, detached: number, what: string): string {
  return `deleted ${who(kind, r)}${detached ? `; ${detached} ${what} ${detached === 1 ? 'was' : 'were'} detached` : ''}`;
}

export function deleteQuestion(kind: string, r: { id: number; name: string }, detached: number, what: string): [string, string] {
  return [`Delete ${who(kind, r)}${detached ? ` (${detached} ${what} will be detached)` : ''}?`, `delete ${who(kind, r)}`];
}

export const mergeQuestion = (keep: { id: number; name: string }, dup: { id: number; name: string }): [string, string] =>
  [`Merge contact #${dup.id} ${dup.name} into #${keep.id} ${keep.name}, deleting #${dup.id}?`, `merge contact #${dup.id} into #${keep.id}`];

type Titled = { id: number; title: string };

export const dealWon = (d: Titled, orderId: number | null) => `won deal #${d.id} ${d.title}${orderId ? `; recorded order #${orderId}` : ''}`;
export const dealLost = (d: Titled, reason: string) => `lost deal #${d.id} ${d.title} (${reason})`;
export const dealMoved = (d: Titled, stage: string) => `deal #${d.id} ${d.title} is in ${stage}`;
export const dealReopened = (d: Titled, stage: string, removedOrders: number) =>
  `reopened deal #${d.id} ${d.title} in ${stage}${removedOrders ? `; removed the order of the win` : ''}`;
export const followupDone = (done: Titled, next: (Titled & { dueDate: string }) | null) =>
  `done: #${done.id} ${done.title}${next ? `; next one #${next.id} due ${next.dueDate}` : ''}`;
export const followupSnoozed = (f: Titled & { dueDate: string }) => `snoozed #${f.id} ${f.title} until ${f.dueDate}`;
export const stageRemoved = (stage: string, moved: number, target: string | undefined) =>
  `removed stage ${stage}${moved ? `; moved ${moved} deals to ${target}` : ''}`;
export const orderRecorded = (id: number, customer: string) => `recorded order #${id} for ${customer}`;
export const activityLogged = (type: string, id: number) => `logged ${type} #${id}`;
export const imported = (n: number, skipped: number) => `imported ${n} orders${skipped ? ` (${skipped} already there)` : ''}`;
export const importChecked = (n: number) => `dry run: ${n} orders would be imported`;
export const quotaSet = (owner: string, period: string, amount: number, currency: string, locale: string) =>
  `quota of ${owner} for ${period} is ${formatMoney(amount, currency, locale)}`;

