import { parseRef, type RecordKind } from './reference.js';

/** The kinds of record completed by name or id. */
export type NamedKind = Extract<RecordKind, 'company' | 'contact' | 'deal' | 'followup'>;

/** A record the store found for a typed prefix, by the start of its name (title) or of its id. */
export interface Found {
  kind: NamedKind;
  id: number;
  name: string;
  /** The name as the name_key column holds it: records with the same key share a name. */
  key: string;
  /** What tells records apart: an email, a domain, a company and stage. */
  detail: string | null;
  by: 'name' | 'id';
}

/** A record that a text names by its email, domain or external id. */
export interface Alias {
  kind: NamedKind;
  id: number;
  text: string;
}

/** One line of `crm __complete`: the value, and a description for shells that show one (zsh, fish). */
export interface Candidate {
  value: string;
  description?: string;
}

/** At most this many candidates per completion: a list longer than a screen helps nobody, and it keeps Tab fast. */
export const LIMIT = 200;

/** A name key (see nameKey in domain/reference.ts) of a prefix: a trailing space is part of what was typed. */
export function prefixKey(prefix: string): string {
  return prefix.normalize('NFKC').replace(/^\s+/u, '').replace(/\s+/gu, ' ').toLowerCase();
}

/** The digits of a prefix that can only start an id ("12", "#12"), or undefined. */
export function idDigits(prefix: string): string | undefined {
  return /^#?([1-9]\d{0,14})$/.exec(prefix.trim())?.[1];
}

/** A kind qualifier typed before the name (`deal:Acme`), when it names one of `kinds`. */
export function splitQualifier(prefix: string, kinds: readonly NamedKind[]): { kind?: NamedKind; rest: string } {
  const m = /^([a-z]+):(.*)$/s.exec(prefix);
  const kind = kinds.find((k) => k === m?.[1]);
  return kind ? { kind, rest: m![2]! } : { rest: prefix };
}

/**
 * Keeps at most `limit` records without splitting a group of one name: a name cut off from its namesakes would look
 * unique, and completing it would be ambiguous.
 */
export function withinLimit(found: readonly Found[], limit = LIMIT): Found[] {
  if (found.length <= limit) return [...found];
  const firstLeftOut = found[limit]!;
  const kept = found.slice(0, limit);
  if (firstLeftOut.by === 'id') return kept;
  while (kept.length && kept.at(-1)!.by === 'name' && kept.at(-1)!.key === firstLeftOut.key) kept.pop();
  return kept;
}

/** Whether typing `text` names a record by name, not by id or another kind (a company called "1999" does not). */
function namesByText(text: string, kinds: readonly RecordKind[], kind?: NamedKind): boolean {
  try {
    const q = parseRef(text, kinds);
    return q.text !== undefined && q.kind === kind;
  } catch {
    return false;
  }
}

const withDetail = (name: string, detail: string | null) => (detail ? `${name} (${detail})` : name);

/**
 * Values that each name exactly one record, as the reference resolver reads them: the name where it is unique, `kind:name`
 * where only the kind tells it apart, the id where names are shared, and `kind:id` where several kinds are possible.
 * `kinds` are the kinds the argument accepts; `qualified` is the kind the user typed (`deal:`), kept on every value.
 */
export function label(found: readonly Found[], kinds: readonly NamedKind[], qualified?: NamedKind, aliases: readonly Alias[] = []): Candidate[] {
  const byName = found.filter((f) => f.by === 'name');
  // A name that is also another record's email, domain or external id counts that record as a namesake.
  const aliased = (f: Found, kind?: NamedKind) => aliases.filter((a) => (a.kind !== f.kind || a.id !== f.id) && (!kind || a.kind === kind) &&
    (a.text === f.name.trim() || a.text === f.name.trim().toLowerCase())).length;
  const count = (pick: (f: Found) => boolean, f: Found, kind?: NamedKind) => byName.filter(pick).length + aliased(f, kind);
  const several = kinds.length > 1;
  const out = new Map<string, Candidate>();
  const add = (value: string, description: string | null) => {
    if (!/[\t\n\r]/.test(value) && !out.has(value)) out.set(value, description ? { value, description: description.replace(/\s+/g, ' ') } : { value });
  };
  for (const f of found) {
    const byId = () => add(qualified || several ? `${f.kind}:${f.id}` : String(f.id), withDetail(f.name, f.detail));
    if (f.by === 'id') byId();
    else if (qualified) {
      if (count((g) => g.key === f.key, f, f.kind) === 1 && namesByText(`${f.kind}:${f.name}`, kinds, f.kind)) add(`${f.kind}:${f.name}`, f.detail);
      else byId();
    } else if (count((g) => g.key === f.key, f) === 1 && namesByText(f.name, kinds)) {
      add(f.name, several ? [f.kind, f.detail].filter(Boolean).join(', ') : f.detail);
    } else if (several && count((g) => g.key === f.key && g.kind === f.kind, f, f.kind) === 1 && namesByText(`${f.kind}:${f.name}`, kinds, f.kind)) {
      add(`${f.kind}:${f.name}`, f.detail);
    } else byId();
  }
  return [...out.values()];
}

/** Values that start with the prefix, case-insensitively: stages, tags, owners, reasons. */
export function startingWith(values: readonly Candidate[], prefix: string): Candidate[] {
  const key = prefixKey(prefix);
  return values.filter((v) => prefixKey(v.value).startsWith(key)).slice(0, LIMIT);
}
