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
  const roots: OrgNode<T>[] = [];
  for (const node of nodes.values()) {
    const manager = node.item.reportsToId === null ? undefined : nodes.get(node.item.reportsToId);
    (manager && manager !== node ? manager.reports : roots).push(node);
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
