import type { Context } from '../../context.js';
import { check, listLimit } from '../../domain/check.js';
import { invalid, notFound } from '../../errors.js';
import { record } from '../../output/view.js';
import { changeSetList, undoneFields, undoneNotice } from '../../output/views/undo.js';
import type { UndoInput } from './spec.js';

export async function run({ args: [id], opts }: UndoInput, ctx: Context) {
  const store = await ctx.store();
  if (opts.list) {
    if (id !== undefined) throw invalid('ID', 'cannot be given with --list', 'leave out the ID to list, or --list to undo it');
    return changeSetList(await store.undo.list(check(listLimit, opts.limit, '--limit') ?? 20));
  }
  let target: number;
  if (id !== undefined) {
    if (!/^#?\d{1,9}$/.test(id.trim())) throw invalid('ID', `"${id}" is not a change set number`, "see them with 'crm undo --list'");
    target = Number(id.trim().replace('#', ''));
  } else {
    const latest = await store.undo.latestOf(ctx.user);
    if (latest === undefined) throw notFound(`${ctx.user} has made no change to undo`, "see every change set with 'crm undo --list'");
    target = latest;
  }
  const undone = await ctx.write((tx) => tx.undo.revert(target));
  return record({ ...undone }, undoneFields, { done: undoneNotice(undone) });
}
