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
