/** SQLite caps bound parameters per statement; lookups by id list go in slices. */
export function* chunks<T>(xs: readonly T[], size = 500): Generator<T[]> {
  for (let i = 0; i < xs.length; i += size) yield xs.slice(i, i + size);
}

/**
 * Child values (tags, emails, ...) of many parents, grouped by parent id in the order fetched; `fetch` returns
 * [parentId, value] tuples. Long id lists
 * scan the child table once instead of issuing dozens of id-list queries.
 */
export async function groupByParent<V>(
  ids: readonly number[],
  fetch: (ids: number[] | 'all') => Promise<unknown[][]>,
): Promise<Map<number, V[]>> {
  const out = new Map<number, V[]>();
  const add = (rows: unknown[][], wanted?: Set<number>) => {
    for (const [id, value] of rows as [number, V][]) {
      if (wanted && !wanted.has(id)) continue;
      const list = out.get(id);
      if (list) list.push(value);
      else out.set(id, [value]);
    }
  };
  if (ids.length > 2000) add(await fetch('all'), new Set(ids));
  else for (const chunk of chunks(ids)) add(await fetch(chunk));
  return out;
}
