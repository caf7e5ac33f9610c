/**
 * Likely duplicates (`crm contact dupes`, `crm company dupes`): each record yields normalised keys (emails, phones,
 * a domain, its name), records sharing a key are grouped in one pass through a hash table, and only the members of
 * a group are paired. No record is compared with every other one, so 100,000 contacts take a fraction of a second.
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
 * words (many a Müller) while whole names do not: a non-ASCII word is normalised once per run and remembered, and
 * an ASCII word only needs its case folded.
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

const NOT_WORD = /[^\p{L}\p{N}\p{M}]+/u;
const words = (text: string) => text.split(NOT_WORD).filter(Boolean);

/**
 * The mailbox an address reaches. Case and surrounding space never matter. Gmail ignores dots in the local part
 * and everything after a +, and googlemail.com is gmail.com; other providers differ (some treat dots or + as
 * part of the name), so elsewhere nothing else is folded. Not an address: no key.
 */
export function emailKey(email: string): string | null {
  const text = email.trim().toLowerCase();
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) return null;
  if (!text.endsWith('@gmail.com') && !text.endsWith('@googlemail.com')) return text;
  const local = text.slice(0, at);
  const plus = local.indexOf('+');
  const box = (plus < 0 ? local : local.slice(0, plus)).replaceAll('.', '');
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
  let text = phone.trim();
  // The regexes below only where they can match: this runs for every phone of every contact.
  if (EXTENSION_MARK.test(text)) text = text.replace(EXTENSION, '');
  const international = text.startsWith('+') || text.startsWith('00');
  if (international && text.includes('(')) text = text.replace(/\(\s*0\s*\)/, '');
  let digits = text.replace(/\D+/g, '');
  if (international) digits = text.startsWith('+') ? digits : digits.slice(2);
  else if (country) {
    const national = nationalToInternational(digits, country);
    if (national !== null) return national.length - 1 < MIN_PHONE_DIGITS ? null : national;
  }
  if (digits.length < MIN_PHONE_DIGITS) return null;
  return international ? `+${digits}` : digits;
}

const EXTENSION_MARK = /[a-z#]/i;
const EXTENSION = /\s*(?:ext\.?|extension|x|#)\s*\d+$/i;

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
  // Most names are ASCII: their case folds natively and a plain character class splits them.
  const split = ASCII.test(name) ? name.toLowerCase().replaceAll("'", '').split(/[^a-z0-9]+/)
    : fold(name).replace(/['’]/g, '').split(NOT_WORD);
  // Insertion sort of the non-empty words: names have two or three, and Array.prototype.sort costs more per call
  // than the sorting.
  const parts: string[] = [];
  for (const word of split) {
    if (!word) continue;
    let j = parts.length - 1;
    for (; j >= 0 && parts[j]! > word; j--) parts[j + 1] = parts[j]!;
    parts[j + 1] = word;
  }
  return parts.length ? parts.join(' ') : null;
}

// ---- grouping ----------------------------------------------------------------------------------------------------

/**
 * One kind of value of many records as the store reads it, set-wise, in columns: `values[i]` (as stored) belongs to
 * record `ids[i]`. A contact with two emails has two entries. Columns spare the 300,000 small objects or arrays a
 * shape per record or per value would cost 100,000 contacts, and the garbage collector's time with them.
 */
export interface Values {
  ids: readonly number[];
  values: readonly string[];
}

/** One member of a shared key: a record, and the value through which it has the key. */
type Entry = readonly [id: number, value: string];

/** A key shared by two or more records: its members as [id, value as that record has it], by id. */
interface Shared {
  kind: DupeKind;
  key: string;
  members: Entry[];
}

/**
 * Entries by one kind of key, in an open-addressing hash table of entry indices. Most keys belong to one entry, and
 * only a shared key gets a list: 100,000 contacts make 300,000 keys and a few shared ones. A Map of strings spent
 * ~250 ms growing and rehashing for those keys (the 100,000-contact demo, profiled); this table is sized once, at
 * most half full, and its inserts do not show in the profile.
 */
class Groups {
  /** Per slot: 1 + the index of the first entry with the slot's key, or 0 when free. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** The key of each entry that has one (by entry index). */
  private readonly keys: (string | undefined)[];
  /** Shared keys: first entry index -> every entry index with that key. */
  private readonly sharing = new Map<number, number[]>();

  constructor(readonly kind: DupeKind, private readonly entries: Values) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(16, entries.ids.length * 2)));
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.keys = new Array<string | undefined>(entries.ids.length);
  }

  add(key: string, entry: number): void {
    this.keys[entry] = key;
    let hash = 0x811c9dc5; // FNV-1a
    for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
    for (let at = hash & this.mask; ; at = (at + 1) & this.mask) {
      const first = this.slots[at]! - 1;
      if (first < 0) {
        this.slots[at] = entry + 1;
        return;
      }
      if (this.keys[first] === key) {
        const list = this.sharing.get(first);
        if (list) list.push(entry);
        else this.sharing.set(first, [first, entry]);
        return;
      }
    }
  }

  *shared(): Generator<Shared> {
    for (const [first, at] of this.sharing) {
      // A record is a member once, even with the key written two ways ("+49 30 1234567", "0049 30 1234567"):
      // its first entry speaks for it.
      const members: Entry[] = [];
      const { ids, values } = this.entries;
      for (const e of at.map((i): Entry => [ids[i]!, values[i]!]).sort((x, y) => x[0] - y[0])) {
        if (members.at(-1)?.[0] !== e[0]) members.push(e);
      }
      if (members.length > 1) yield { kind: this.kind, key: this.keys[first]!, members };
    }
  }
}

/**
 * Pairs the members of every shared key of 2 to `maxGroup` records; a pair found through several keys carries them
 * all. `shown` says a key as a reason shows it, given the pair's first record's entry. Strongest first: by the
 * strongest kind of reason (email, then phone or domain, then names alone), then more reasons before fewer, then by
 * the ids. `names` are read once, for the records in pairs only.
 */
function findPairs(groups: Groups[], names: Values, maxGroup: number,
  shown: (s: Shared, entry: Entry) => string): Dupes {
  const found = new Map<string, { a: number; b: number; reasons: DupeReason[] }>();
  const crowded: CrowdedKey[] = [];
  for (const group of groups) {
    for (const shared of group.shared()) {
      const { kind, members } = shared;
      if (members.length > maxGroup) {
        crowded.push({ kind, value: shown(shared, members[0]!), count: members.length });
        continue;
      }
      for (let i = 0; i < members.length; i++) {
        const value = shown(shared, members[i]!);
        for (let j = i + 1; j < members.length; j++) {
          const [a, b] = [members[i]![0], members[j]![0]];
          const at = `${a}:${b}`;
          let pair = found.get(at);
          if (!pair) found.set(at, pair = { a, b, reasons: [] });
          if (!pair.reasons.some((r) => r.kind === kind && r.value === value)) pair.reasons.push({ kind, value });
        }
      }
    }
  }
  const wanted = new Map<number, string>();
  for (const p of found.values()) wanted.set(p.a, '').set(p.b, '');
  if (wanted.size) names.ids.forEach((id, i) => wanted.has(id) && wanted.set(id, names.values[i]!));
  const pairs = [...found.values()].map((p): DupePair => ({
    a: { id: p.a, name: wanted.get(p.a)! }, b: { id: p.b, name: wanted.get(p.b)! },
    reasons: p.reasons.sort((x, y) => DUPE_KINDS.indexOf(x.kind) - DUPE_KINDS.indexOf(y.kind)),
  }));
  const strongest = (p: DupePair) => Math.min(...p.reasons.map((r) => RANK[r.kind]));
  pairs.sort((x, y) => strongest(x) - strongest(y) || y.reasons.length - x.reasons.length || x.a.id - y.a.id || x.b.id - y.b.id);
  crowded.sort((x, y) => y.count - x.count || RANK[x.kind] - RANK[y.kind] || x.value.localeCompare(y.value));
  return { pairs, crowded };
}

/** What the duplicate finder reads of contacts: the name of each, and each of their emails and phones. */
export interface ContactValues {
  names: Values;
  emails: Values;
  phones: Values;
}

export interface DupeOptions {
  /** The country calling code national phone numbers are in (config `phoneCountry`); without it they stay national. */
  phoneCountry?: number | null;
  maxGroup?: number;
}

/** Contacts that look like one person: same mailbox, same phone, or the same name (in any order). */
export function contactDupes(c: ContactValues, o: DupeOptions = {}): Dupes {
  const emails = new Groups('email', c.emails);
  c.emails.values.forEach((email, i) => {
    const key = emailKey(email);
    if (key) emails.add(key, i);
  });
  const phones = new Groups('phone', c.phones);
  c.phones.values.forEach((phone, i) => {
    const key = phoneKey(phone, o.phoneCountry);
    if (key) phones.add(key, i);
  });
  const names = new Groups('name', c.names);
  c.names.values.forEach((name, i) => {
    const key = personNameKey(name);
    if (key) names.add(key, i);
  });
  // An email reason shows the address as the record has it: the key of a Gmail address is no one's spelling.
  return findPairs([emails, phones, names], c.names, o.maxGroup ?? MAX_GROUP,
    (s, [, value]) => (s.kind === 'email' ? value.trim().toLowerCase() : s.key));
}

/** What the duplicate finder reads of companies: the name of each, and the domain of those with one. */
export interface CompanyValues {
  names: Values;
  domains: Values;
}

/** Companies that look like one: same web domain, or the same name once legal forms and spelling are folded. */
export function companyDupes(c: CompanyValues, o: Pick<DupeOptions, 'maxGroup'> = {}): Dupes {
  const domains = new Groups('domain', c.domains);
  c.domains.values.forEach((domain, i) => {
    const key = domainKey(domain);
    if (key) domains.add(key, i);
  });
  const names = new Groups('name', c.names);
  c.names.values.forEach((name, i) => {
    const key = companyNameKey(name);
    if (key) names.add(key, i);
  });
  return findPairs([domains, names], c.names, o.maxGroup ?? MAX_GROUP, (s) => s.key);
}
