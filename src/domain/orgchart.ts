/** A contact's place in its company's org chart (Peppers & Rogers: who the people inside an account are). */
export interface OrgNode<T> {
  item: T;
  reports: OrgNode<T>[];
}

/**
 * Builds the reports-to forest of one company's contacts. A contact whose manager is outside the set (another
 * company, or none) is a root. Siblings keep the order given.
 */
export function buildOrgChart<T extends { id: number; reportsToId: number | null }>(items: T[]): OrgNode<T>[] {
  const nodes = new Map(items.map((item) => [item.id, { item, reports: [] as OrgNode<T>[] }]));
  const managerOf = (id: number) => {
    const m = nodes.get(id)?.item.reportsToId ?? null;
    return m !== null && nodes.has(m) ? m : null;
  };
  // A reporting loop (data written before loops were refused) would hide everyone in it: the loop's member
  // with the lowest id becomes a root instead, so every person still appears exactly once.
  const breakers = new Set<number>();
  for (const id of nodes.keys()) {
    const seen: number[] = [];
    for (let at: number | null = id; at !== null; at = managerOf(at)) {
      const i = seen.indexOf(at);
      if (i >= 0) {
        breakers.add(Math.min(...seen.slice(i)));
        break;
      }
      if (breakers.has(at)) break;
      seen.push(at);
    }
  }
  const roots: OrgNode<T>[] = [];
  for (const node of nodes.values()) {
    const m = breakers.has(node.item.id) ? null : managerOf(node.item.id);
    (m !== null ? nodes.get(m)!.reports : roots).push(node);
  }
  return roots;
}

/**
 * Would making `id` report to the first person of `managerChain` (followed by that person's manager, and so on
 * up) close a loop? Returns the people in the loop, `id` last, or [] when there is none.
 */
export function reportingLoop(id: number, managerChain: readonly number[]): number[] {
  const at = managerChain.indexOf(id);
  return at < 0 ? [] : managerChain.slice(0, at + 1);
}
