import type { Context } from '../../context.js';
import { fieldChanges } from '../../domain/history.js';
import { parseRef, RECORD_KINDS } from '../../domain/reference.js';
import { historyList } from '../../output/views/history.js';
import type { HistoryInput } from './spec.js';

export async function run({ args: [ref] }: HistoryInput, ctx: Context) {
  const store = await ctx.store();
  const q = parseRef(ref!);
  // A deleted record has no row to resolve against, but "contact:12" still names its history.
  const deleted = q.kind && q.id !== undefined && (await store.refs.candidates(q, [q.kind])).total === 0
    ? await store.lastName(q.kind, q.id) : null;
  const target = deleted !== null ? { kind: q.kind!, id: q.id! } : await store.refs.resolve(ref!, RECORD_KINDS);
  const entries = await store.history(target.kind, target.id);
  return historyList(entries.map((e) => ({
    at: e.at, actor: e.actor, action: e.action, entity: e.entity, entityId: e.entityId, changeSet: e.changeSet,
    command: e.command, note: e.note, changes: fieldChanges(e.before, e.after), before: e.before, after: e.after,
  })));
}
