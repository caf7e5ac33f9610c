import { CrmError } from '../errors.js';
import type { SearchKind } from '../domain/reference.js';

export interface SearchHit {
  kind: SearchKind;
  id: number;
  name: string;
  match: string;
}

/** Full-text search over names, emails, notes and the like; each engine indexes in its own way. */
export interface Search {
  /** Best matches first: each word of `text` must match the start of an indexed word ("acme gm" finds "Acme GmbH"). */
  query(text: string, kinds: readonly SearchKind[], limit: number): Promise<SearchHit[]>;
  /** The newest records of some kinds, for a picker before anything is typed. */
  recent(kinds: readonly SearchKind[], limit: number): Promise<SearchHit[]>;
}

/** The words of a search: letters and digits, as every engine's index splits them. */
export function searchWords(text: string): string[] {
  const words = text.normalize('NFKC').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length === 0) {
    throw new CrmError('usage', `search text "${text}" has no letters or digits`, 'search for a name, email or word');
  }
  return words;
}
