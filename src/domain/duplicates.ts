/**
 * Likely duplicates (`crm contact dupes`, `crm company dupes`): each record yields normalised keys (emails, phones,
 * a domain, its name), records sharing a key are grouped in one pass over a Map, and only the members of a group
 * are paired. No record is compared with every other one, so 100,000 contacts take a fraction of a second.
 * `crm help duplicates` describes these rules for users; keep the two in step.
 */

export const DUPE_KINDS = ['email', 'phone', 'domain', 'name'] as const;
export type DupeKind = (typeof DUPE_KINDS)[number];

/** Why two records look alike: the kind of key they share, and that key as a person reads it. */
export interface DupeReason {
  kind: DupeKind;
  value: string;
}

export interface DupePair {
  a: { id: number; name: string };
  b: { id: number; name: string };
  reasons: DupeReason[];
}

/** A key shared by so many records that it names a switchboard, a shared mailbox or a common name, not one record. */
export interface CrowdedKey {
  kind: DupeKind;
  value: string;
  count: number;
}

export interface Dupes {
  pairs: DupePair[];
  crowded: CrowdedKey[];
}

/**
 * A key shared by more records than this pairs none of them: 26 people with one phone number are colleagues at a
 * switchboard, not one person entered 26 times, and the 325 pairs would bury the real duplicates.
 */
export const MAX_GROUP = 25;

/** Email, phone and domain identify a record; a name alone is a weaker hint, so those pairs come last. */
const RANK: Record<DupeKind, number> = { email: 0, phone: 1, domain: 1, name: 2 };

// ---- normalising -------------------------------------------------------------------------------------------------

/** Letters that NFKD leaves whole but a person would type without their stroke or ligature. */
const LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * Case, width (full-width Ｍ is M) and the accents of Latin letters folded. Only Latin accents go: the marks of
 * other scripts carry meaning (Japanese ガ is not カ, Russian й is not и). Word by word, because names repeat their
 * words (many a Müller) while whole names do not: a non-ASCII word is folded once per run and remembered, and an
 * ASCII word only needs its case folded. That keeps 100,000 names near 50 ms instead of 250.
 */
function fold(text: string): string {
  return ASCII.test(text) ? text.toLowerCase() : text.split(' ').map(foldWord).join(' ');
}

const ASCII = /^[\x00-\x7f]*$/;
const folded = new Map<string, string>();

function foldWord(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase();
  let out = folded.get(word);
  if (out === undefined) {
    out = word.normalize('NFKD').replace(/(\p{Script=Latin})\p{M}+/gu, '$1').toLowerCase()
      .replace(/[ßæœøłđðþı]/g, (c) => LETTERS[c]!).normalize('NFC');
    if (folded.size >= 50_000) folded.clear(); // a bound for a long-lived process; the keys stay the same
    folded.set(word, out);
  }
  return out;
}

const words = (text: string) => text.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);

const GMAIL = new Set(['gmail.com', 'googlemail.com']);

/**
 * The mailbox an address reaches. Case and surrounding space never matter. Gmail ignores dots in the local part
 * and everything after a +, and googlemail.com is gmail.com; other providers differ (some treat dots or + as
 * part of the name), so elsewhere nothing else is folded. Not an address: no key.
 */
export function emailKey(email: string): string | null {
  const text = email.trim().toLowerCase();
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) return null;
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (!GMAIL.has(domain)) return text;
  const box = local.split('+')[0]!.replaceAll('.', '');
  return box ? `${box}@gmail.com` : null;
}

/** Fewer digits than this do not tell people apart (an extension, an emergency number, a placeholder). */
const MIN_PHONE_DIGITS = 6;

/** Plans where the national form is the number after the country code (no trunk 0 to drop). */
const NO_TRUNK = new Set([39, 378, 379]);

/**
 * A phone number as one string, so that ways of writing it meet: digits only, `+` for the international form
 * (from a leading + or 00; a "(0)" beside the country code is dropped, as is an extension). A national form
 * (030 1234567) becomes international only when the country is known (`country`, the calling code in config
 * `phoneCountry`): its trunk 0 is replaced by the code; NANP (1) numbers take the 1 before 10 digits; Italy (39)
 * keeps its 0. Without a country a national form stays as its digits and meets only the same national form.
 */
export function phoneKey(phone: string, country?: number | null): string | null {
  let text = phone.trim().replace(/\s*(?:ext\.?|extension|x|#)\s*\d+$/i, '');
  const international = /^(?:\+|00)/.test(text);
  if (international) text = text.replace(/\(\s*0\s*\)/, '');
  let digits = text.replace(/\D/g, '');
  if (international) digits = text.startsWith('+') ? digits : digits.slice(2);
  else if (country) {
    const national = nationalToInternational(digits, country);
    if (national !== null) return national.length - 1 < MIN_PHONE_DIGITS ? null : national;
  }
  if (digits.length < MIN_PHONE_DIGITS) return null;
  return international ? `+${digits}` : digits;
}

function nationalToInternational(digits: string, country: number): string | null {
  if (country === 1) {
    if (digits.length === 10) return `+1${digits}`;
    if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
    return null;
  }
  if (NO_TRUNK.has(country)) return `+${country}${digits}`;
  return /^0[1-9]/.test(digits) ? `+${country}${digits.slice(1)}` : null;
}

/** A web domain as a host: case folded, without scheme, port, path, trailing dot or `www.`. */
export function domainKey(domain: string): string | null {
  const host = domain.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '').replace(/\.$/, '').replace(/^www\d*\./, '');
  return host || null;
}

/**
 * Legal forms that end company names (written without dots: S.A. is sa, S.p.A. is spa). They say how a company is
 * registered, not which company it is, and people leave them out ("Acme" for "Acme GmbH").
 */
const LEGAL_FORMS = new Set(['gmbh', 'ag', 'kg', 'ltd', 'limited', 'llc', 'inc', 'incorporated', 'corp', 'corporation',
  'co', 'sa', 'sas', 'sarl', 'bv', 'nv', 'oy', 'ab', 'as', 'spa', 'srl', 'pty', 'plc']);
/** What joins "GmbH & Co. KG": left dangling once "Co. KG" is dropped. */
const JOINERS = new Set(['and', 'und']);

/**
 * A company name as a person would recognise it again: folded (see fold), dots and apostrophes dropped inside
 * words (S.A. is sa), & read as "and", other punctuation as space, and the legal forms that end it dropped one by
 * one ("Acme GmbH & Co. KG" is acme). A name is never emptied: "AG" alone stays ag.
 */
export function companyNameKey(name: string): string | null {
  const parts = words(fold(name).replace(/['’.]/g, '').replaceAll('&', ' and '));
  while (parts.length > 1 && (LEGAL_FORMS.has(parts.at(-1)!) || JOINERS.has(parts.at(-1)!))) parts.pop();
  return parts.length ? parts.join(' ') : null;
}

/**
 * A person's name as its words, folded (see fold), apostrophes dropped (O'Brien is obrien), other punctuation as
 * space, in sorted order: "Li Na", "Na, Li" and "NA Li" are one key whichever name is the family name.
 */
export function personNameKey(name: string): string | null {
  const parts = words(fold(name).replace(/['’]/g, ''));
  // Insertion sort: names have two or three words, and Array.prototype.sort costs more per call than the sorting.
  for (let i = 1; i < parts.length; i++) {
    const word = parts[i]!;
    let j = i - 1;
    for (; j >= 0 && parts[j]! > word; j--) parts[j + 1] = parts[j]!;
    parts[j + 1] = word;
  }
  return parts.length ? parts.join(' ') : null;
}

// ---- grouping ----------------------------------------------------------------------------------------------------

/**
 * Records by one kind of key. Most keys belong to one record, so a key maps to that record's index until a second
 * record shares it, and only then to an array: 100,000 contacts make 300,000 keys and a few shared ones.
 */
class Groups {
  private readonly byKey = new Map<string, number | number[]>();

  constructor(readonly kind: DupeKind) {}

  add(key: string, index: number): void {
    const seen = this.byKey.get(key);
    if (seen === undefined) this.byKey.set(key, index);
    // A record lists a key once, even written two ways ("+49 30 1234567", "0049 30 1234567").
    else if (typeof seen === 'number') { if (seen !== index) this.byKey.set(key, [seen, index]); }
    else if (seen.at(-1) !== index) seen.push(index);
  }

  *shared(): Generator<[string, number[]]> {
    for (const [key, members] of this.byKey) if (typeof members !== 'number') yield [key, members];
  }
}

/**
 * Pairs the members of every shared key of 2 to `maxGroup` records; a pair found through several keys carries them
 * all. `shown` says a key as a reason shows it for the pair's first record. Strongest first: by the strongest kind
 * of reason (email, then phone or domain, then names alone), then more reasons before fewer, then by the ids.
 */
function findPairs(
  records: readonly { id: number; name: string }[], groups: Groups[], maxGroup: number,
  shown: (kind: DupeKind, key: string, index: number) => string,
): Dupes {
  const pairs = new Map<string, DupePair>();
  const crowded: CrowdedKey[] = [];
  for (const group of groups) {
    const kind = group.kind;
    for (const [key, indices] of group.shared()) {
      const members = indices.sort((x, y) => records[x]!.id - records[y]!.id);
      if (members.length > maxGroup) {
        crowded.push({ kind, value: shown(kind, key, members[0]!), count: members.length });
        continue;
      }
      for (let i = 0; i < members.length; i++) {
        const a = records[members[i]!]!;
        const value = shown(kind, key, members[i]!);
        for (let j = i + 1; j < members.length; j++) {
          const b = records[members[j]!]!;
          const at = `${a.id}:${b.id}`;
          let pair = pairs.get(at);
          if (!pair) {
            pair = { a: { id: a.id, name: a.name }, b: { id: b.id, name: b.name }, reasons: [] };
            pairs.set(at, pair);
          }
          if (!pair.reasons.some((r) => r.kind === kind && r.value === value)) pair.reasons.push({ kind, value });
        }
      }
    }
  }
  const strongest = (p: DupePair) => Math.min(...p.reasons.map((r) => RANK[r.kind]));
  const sorted = [...pairs.values()];
  for (const p of sorted) p.reasons.sort((x, y) => DUPE_KINDS.indexOf(x.kind) - DUPE_KINDS.indexOf(y.kind));
  sorted.sort((x, y) => strongest(x) - strongest(y) || y.reasons.length - x.reasons.length || x.a.id - y.a.id || x.b.id - y.b.id);
  crowded.sort((x, y) => y.count - x.count || RANK[x.kind] - RANK[y.kind] || x.value.localeCompare(y.value));
  return { pairs: sorted, crowded };
}

export interface PersonKeys {
  id: number;
  name: string;
  emails: readonly string[];
  phones: readonly string[];
}

export interface DupeOptions {
  /** The country calling code national phone numbers are in (config `phoneCountry`); without it they stay national. */
  phoneCountry?: number | null;
  maxGroup?: number;
}

/** Contacts that look like one person: same mailbox, same phone, or the same name (in any order). */
export function contactDupes(people: readonly PersonKeys[], o: DupeOptions = {}): Dupes {
  const emails = new Groups('email');
  const phones = new Groups('phone');
  const names = new Groups('name');
  people.forEach((p, i) => {
    for (const email of p.emails) {
      const key = emailKey(email);
      if (key) emails.add(key, i);
    }
    for (const phone of p.phones) {
      const key = phoneKey(phone, o.phoneCountry);
      if (key) phones.add(key, i);
    }
    const name = personNameKey(p.name);
    if (name) names.add(name, i);
  });
  // An email reason shows the address as the record has it: the key of a Gmail address is no one's spelling.
  const shown = (kind: DupeKind, key: string, i: number) =>
    kind === 'email' ? people[i]!.emails.find((e) => emailKey(e) === key)!.trim().toLowerCase() : key;
  return findPairs(people, [emails, phones, names], o.maxGroup ?? MAX_GROUP, shown);
}

export interface CompanyKeys {
  id: number;
  name: string;
  domain: string | null;
}

/** Companies that look like one: same web domain, or the same name once legal forms and spelling are folded. */
export function companyDupes(companies: readonly CompanyKeys[], o: Pick<DupeOptions, 'maxGroup'> = {}): Dupes {
  const domains = new Groups('domain');
  const names = new Groups('name');
  companies.forEach((c, i) => {
    const domain = c.domain === null ? null : domainKey(c.domain);
    if (domain) domains.add(domain, i);
    const name = companyNameKey(c.name);
    if (name) names.add(name, i);
  });
  return findPairs(companies, [domains, names], o.maxGroup ?? MAX_GROUP, (_kind, key) => key);
}
