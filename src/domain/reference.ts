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

/**
 * How a text may match a record's name or title, strongest first. Exact also covers an email, a domain or an
 * external id; prefix and substring are of the case-folded name key only.
 */
export type Match = 'exact' | 'prefix' | 'substring';

/** What a lookup found: the first few candidates and how many there are in all. */
export interface Matches {
  candidates: Candidate[];
  total: number;
}

/** The candidates a finder reports at most per kind and match; beyond that only the total is counted. */
export const MAX_CANDIDATES = 20;

/**
 * The records a typed text means, in the order of precedence `crm help references` documents:
 * 1. an exact name or title (ignoring case), email, domain or external id, in any of the kinds: nothing partial
 *    can outrank it;
 * 2. otherwise, per kind, the names the text starts, or if none start with it, the names that contain it: a unique
 *    prefix beats any number of substring matches of its own kind;
 * 3. across kinds, every kind's partial matches are candidates together: that "acme" starts a company's name says
 *    nothing about whether a contact with "acme" inside their name was meant, so both are listed.
 * (An id never gets here: parseRef reads it first.) `find` is asked lazily, so an exact match costs no scan.
 */
export async function bestMatches(
  kinds: readonly RecordKind[], find: (kind: RecordKind, match: Match) => Promise<Matches>,
): Promise<Matches & { match: 'exact' | 'partial' }> {
  const exact = merge(await each(kinds, (kind) => find(kind, 'exact')));
  if (exact.total > 0) return { ...exact, match: 'exact' };
  const partial = await each(kinds, async (kind) => {
    const prefix = await find(kind, 'prefix');
    return prefix.total > 0 ? prefix : find(kind, 'substring');
  });
  return { ...merge(partial), match: 'partial' };
}

async function each<T>(kinds: readonly RecordKind[], fn: (kind: RecordKind) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (const kind of kinds) out.push(await fn(kind)); // one connection: queries run one after another anyway
  return out;
}

const merge = (all: Matches[]): Matches =>
  ({ candidates: all.flatMap((m) => m.candidates), total: all.reduce((n, m) => n + m.total, 0) });

/**
 * Names from a short fixed list (stages) by an exact name (ignoring case), or else by every name the text starts.
 * No substrings: stage names are a handful of short words that people abbreviate from the front ("neg", "qual"),
 * and a letter from inside one would pick a stage by accident.
 */
export function matchByName<T>(items: readonly T[], name: (item: T) => string, text: string): T[] {
  const key = nameKey(text);
  const exact = items.filter((i) => nameKey(name(i)) === key);
  return exact.length ? exact : items.filter((i) => nameKey(name(i)).startsWith(key));
}

const SHOWN = 8;

/**
 * Exactly one candidate is an answer; none is "not found" (exit 3); several are listed (exit 2). `found` says how
 * many matched in all (when only the first few were fetched) and whether the text was a partial name, for the hint.
 */
export function pickOne(query: RefQuery, candidates: Candidate[], noun: string,
  found: { total?: number; match?: 'exact' | 'partial' } = {}): Candidate {
  const total = found.total ?? candidates.length;
  if (total === 1 && candidates.length === 1) return candidates[0]!;
  if (total === 0) {
    throw notFound(`no ${noun} matches "${query.raw}"`,
      query.id !== undefined ? `check the id with 'crm ${noun.split(' ')[0]} list'` : `try 'crm search ${JSON.stringify(query.text ?? query.raw)}' or use an id`);
  }
  const kinds = new Set(candidates.map((c) => c.kind));
  const shown = candidates.slice(0, SHOWN).map((c) => describeCandidate(c, kinds.size > 1));
  const more = total > shown.length ? `, and ${total - shown.length} more` : '';
  const qualify = kinds.size > 1 ? `, or qualify the kind, e.g. ${candidates[0]!.kind}:${query.text ?? query.raw}` : '';
  const hint = found.match === 'partial'
    ? (qualify ? `type more of the name, use the id${qualify}` : 'type more of the name, or use the id')
    : 'use the id, or qualify the kind, e.g. contact:12';
  throw new CrmError('ambiguous', `"${query.raw}" matches ${total} records: ${shown.join(', ')}${more}`, hint,
    { candidates: candidates.map(({ kind, id, name }) => ({ kind, id, name })) });
}
