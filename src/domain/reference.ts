import { CrmError, notFound } from '../errors.js';

/** The kinds of record a reference may name (and qualify: `deal:"Acme renewal"`). */
export const RECORD_KINDS = ['company', 'contact', 'deal', 'followup', 'activity'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** The kinds full-text search covers. */
export const SEARCH_KINDS = ['company', 'contact', 'deal', 'activity'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** What a typed reference asks for: an id, or a text matched against names and emails. */
export interface RefQuery {
  raw: string;
  kind?: RecordKind;
  id?: number;
  text?: string;
}

export interface Candidate {
  kind: RecordKind;
  id: number;
  name: string;
  /** A second line of identity for telling candidates apart: an email, a domain, a company. */
  detail?: string | null;
}

/** Folds case, width and spacing so "ACME  gmbh" names the same company as "Acme GmbH". */
export function nameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/**
 * Reads "12", "#12", "Acme GmbH", "li@acme.example" or a kind-qualified form like "company:Acme" / "contact:12".
 * An id wins over a name that happens to be digits; qualify the kind or use the id to be exact.
 */
export function parseRef(raw: string, kinds: readonly RecordKind[] = RECORD_KINDS): RefQuery {
  const trimmed = raw.trim();
  let kind: RecordKind | undefined;
  let rest = trimmed;
  const qualified = /^([a-z]+):(.+)$/.exec(trimmed);
  if (qualified && (RECORD_KINDS as readonly string[]).includes(qualified[1]!)) {
    kind = qualified[1] as RecordKind;
    rest = qualified[2]!.trim();
    if (!kinds.includes(kind)) {
      throw new CrmError('usage', `"${raw}" names a ${kind}, but a ${kinds.join(' or ')} is expected here`,
        `name a ${kinds.join(' or ')} instead`);
    }
  }
  if (rest === '') throw new CrmError('usage', 'an empty reference names nothing', 'give an id, a name or an email');
  const id = /^#?(\d{1,15})$/.exec(rest);
  return id ? { raw, kind, id: Number(id[1]) } : { raw, kind, text: rest };
}

export function describeCandidate(c: Candidate, withKind: boolean): string {
  const who = `${withKind ? `${c.kind} ` : ''}#${c.id} ${c.name}`;
  return c.detail ? `${who} (${c.detail})` : who;
}

/** Exactly one candidate is an answer; none is "not found" (exit 3); several are listed (exit 2). */
export function pickOne(query: RefQuery, candidates: Candidate[], noun: string): Candidate {
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0) {
    throw notFound(`no ${noun} matches "${query.raw}"`,
      query.id !== undefined ? `check the id with 'crm ${noun.split(' ')[0]} list'` : `try 'crm search ${JSON.stringify(query.text ?? query.raw)}' or use an id`);
  }
  const kinds = new Set(candidates.map((c) => c.kind));
  const shown = candidates.slice(0, 8).map((c) => describeCandidate(c, kinds.size > 1));
  const more = candidates.length > 8 ? `, and ${candidates.length - 8} more` : '';
  throw new CrmError('ambiguous', `"${query.raw}" matches ${candidates.length} records: ${shown.join(', ')}${more}`,
    'use the id, or qualify the kind, e.g. contact:12',
    { candidates: candidates.map(({ kind, id, name }) => ({ kind, id, name })) });
}
