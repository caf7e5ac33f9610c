import { CrmError } from '../errors.js';

export const TEAM_ROLES = ['rep', 'manager', 'admin'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export interface TeamMember {
  name: string;
  /** Null for someone on the roster only because they own something (or are you) and was never given a role. */
  role: TeamRole | null;
  /** Added with `crm team add` (or given a role), rather than found as an owner. */
  listed: boolean;
}

export function parseRole(text: string, field: string): TeamRole {
  if ((TEAM_ROLES as readonly string[]).includes(text)) return text as TeamRole;
  throw new CrmError('validation', `${field}: "${text}" is not a role`, `use one of ${TEAM_ROLES.join(', ')}`, { field });
}

/** Edit distance (insertions, deletions, substitutions, and swaps of neighbours: "alcie" is one step from "alice"). */
export function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The roster name closest to `name` (case aside), if one is close enough to be a typo or differs only in case. */
export function closestName(name: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const n of names) {
    const dd = distance(name.toLowerCase(), n.toLowerCase());
    if (dd < bestD) {
      best = n;
      bestD = dd;
    }
  }
  // The same name in another case counts as close: names are compared exactly, so "Alice" is not "alice".
  return best !== undefined && best !== name && bestD <= (name.length <= 4 ? 1 : 2) ? best : undefined;
}

/** A name as typed in a shell: bare when nothing in it needs quoting. */
const shellWord = (name: string) => (/^[\w@%+=:,./-]+$/.test(name) ? name : JSON.stringify(name));

/**
 * Why `name` may not own records, "what; fix", or null when it may: it must be on the roster, for owners given to
 * --owner, quota set and imports alike (product.md "Team server"), since a typo or a stranger would own records
 * nobody sees as theirs. The closest name on the roster is suggested when one is a typo away.
 */
export function offRoster(name: string, roster: readonly string[]): { what: string; fix: string } | null {
  if (roster.includes(name)) return null;
  const near = closestName(name, roster);
  const add = `crm team add ${shellWord(name)}`;
  return near ? { what: `"${name}" is not on the team; did you mean "${near}"?`, fix: `use "${near}", or add them first: ${add}` }
    : { what: `"${name}" is not on the team`, fix: `add them first: ${add}` };
}

/** `name`, when it is on the roster; else the one-line error naming `field` (exit 2). */
export function onRoster(name: string, roster: readonly string[], field: string): string {
  const off = offRoster(name, roster);
  if (off) throw new CrmError('validation', `${field}: ${off.what}`, off.fix, { field });
  return name;
}
