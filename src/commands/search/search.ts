import type { Context } from '../../context.js';
import { SEARCH_KINDS, type SearchKind } from '../../domain/reference.js';
import { searchColumns } from '../../output/views/misc.js';
import { nothingMatches } from '../../output/views/notices.js';
import { list } from '../../output/view.js';
import { check, listLimit } from '../../domain/check.js';
import type { SearchInput } from './spec.js';

export async function run({ args: [words], opts }: SearchInput, ctx: Context) {
  const limit = check(listLimit, opts.limit, '--limit') ?? 20;
  const store = await ctx.store();
  const text = words.join(' ');
  const hits = await store.search.query(text, opts.kind ? [opts.kind] : SEARCH_KINDS, limit);
  return list(hits, searchColumns, nothingMatches(text));
}
