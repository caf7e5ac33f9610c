import type { CrowdedKey, DupePair, DupeReason } from '../../domain/duplicates.js';
import type { Column, Output } from '../view.js';
import { list } from '../view.js';

const REASON_TEXT: Record<DupeReason['kind'], (value: string) => string> = {
  email: (v) => `same email (normalised): ${v}`,
  phone: (v) => `same phone: ${v}`,
  domain: (v) => `same domain: ${v}`,
  name: (v) => `similar names: "${v}"`,
};

export const reasonText = (r: DupeReason) => REASON_TEXT[r.kind](r.value);

const columns: Column<DupePair>[] = [
  { header: 'A', key: 'aId', value: (p) => p.a.id, type: 'id' },
  { header: 'Name', key: 'aName', value: (p) => p.a.name },
  { header: 'B', key: 'bId', value: (p) => p.b.id, type: 'id' },
  { header: 'Name', key: 'bName', value: (p) => p.b.name },
  // "; " on screen as in files: a reason's own text holds commas ("Na, Li").
  { header: 'Reasons', key: 'reasons', value: (p) => p.reasons.map(reasonText).join('; ') },
];

/** How many crowded keys a warning names; the rest are counted. */
const NAMED = 3;

/** What a dupes command found: the pairs it shows (`total` in all), the keys a crowd shared, how many it scanned. */
export interface DupesFound {
  pairs: DupePair[];
  total: number;
  crowded: CrowdedKey[];
  scanned: number;
  maxGroup: number;
}

/**
 * Likely duplicates of `noun`s, strongest first: in JSON [{a: {id, name}, b: {id, name}, reasons: [{kind, value}]}];
 * on a terminal a table and how to merge a pair. Keys a crowd shares were left out, and a warning says which.
 */
export function dupesView(noun: 'contact' | 'company', f: DupesFound): Output {
  const nouns = noun === 'company' ? 'companies' : 'contacts';
  const more = f.pairs.length < f.total ? `showing ${f.pairs.length} of ${f.total} pairs; ` : '';
  const crowd = f.crowded.slice(0, NAMED).map((k) => `${k.kind} ${k.kind === 'name' ? `"${k.value}"` : k.value} (${k.count} ${nouns})`);
  const rest = f.crowded.length - crowd.length;
  const warnings = crowd.length ? [`left out ${crowd.join(', ')}${rest ? ` and ${rest} more` : ''}: a key shared by more than `
    + `${f.maxGroup} records is a switchboard, a shared mailbox or a common name, not one duplicate`] : [];
  return list(f.pairs, columns, `no likely duplicates among ${f.scanned === 1 ? `1 ${noun}` : `${f.scanned} ${nouns}`}`, {
    done: `${more}to merge a pair: crm ${noun} merge KEEP DUP (KEEP stays, DUP is deleted)`, warnings,
  });
}
