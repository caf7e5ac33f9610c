import { contentLine, foldLine, type LineOut, type RawCard, splitCards } from './lines.js';

/**
 * A contact card as crm reads and writes it: the fields a contact has (product.md), whatever version the card
 * came in. Reading is lenient (2.1, 3.0 and 4.0, and what phones and address books make of them); writing
 * gives 3.0 or 4.0 by the RFCs, which other programs read back intact (test/commands/vcard-outsiders.test.ts).
 */
export interface Card {
  /** The card's UID without a `urn:uuid:` prefix; null without one. */
  uid: string | null;
  /** `individual` (the default), `org`, `group` or `location` (4.0 KIND; Apple's X-ABShowAs:COMPANY is org). */
  kind: string;
  /** FN, else the name N builds, else ''. */
  name: string;
  /** The first component of ORG ("Acme;Sales" is Acme). */
  company: string | null;
  title: string | null;
  /** Most preferred first (4.0 PREF=1, 3.0 TYPE=pref, 2.1 PREF), then in file order. */
  emails: string[];
  phones: string[];
  categories: string[];
  note: string | null;
  /** Whom the person reports to: RELATED or Apple's X-ABRELATEDNAMES labelled manager, and the like. */
  manager: { name: string | null; uid: string | null } | null;
  /** crm's buying role (X-CRM-ROLE). */
  role: string | null;
  /** crm's external id (X-CRM-EXTERNAL-ID). */
  externalId: string | null;
}

export type CardField = keyof Card;

export interface ReadCard extends Card {
  /** Where the card begins. */
  line: number;
  version: string;
  /** Where each field was read: the line of each value, in the order of the values (emails, phones, categories). */
  lines: Partial<Record<CardField, number[]>>;
}

// In a file of their own so that `crm export vcard`'s flags name them without loading the vCard reader and writer.
import { VCARD_VERSIONS, type VCardVersion } from './versions.js';

export { VCARD_VERSIONS, type VCardVersion };

/** Splits on `sep` where no backslash escapes it. */
function splitEscaped(text: string, sep: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      current += c + text[i + 1];
      i += 1;
    } else if (c === sep) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

/**
 * Text as 3.0 and 4.0 escape it (\n, \\, \, and \;, and the \: some writers add); 2.1 escapes only the semicolon,
 * and its backslashes are text. Line breaks come out as \n.
 */
function unescape(text: string, version: string): string {
  const out = version === '2.1' ? text.replace(/\\;/g, ';')
    : text.replace(/\\([nN\\,;:])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
  return out.replace(/\r\n?/g, '\n');
}

/**
 * Text as a version writes it: backslashes, line breaks (\n) and commas escaped; semicolons too in 3.0 (RFC 2426
 * text) and in a component of a compound 4.0 value (N, ORG), but not in plain 4.0 text, whose grammar (RFC 6350
 * 3.3) has no \; and where readers such as ical.js would keep the backslash.
 */
export function escapeText(text: string, semicolons = true): string {
  const out = text.replace(/\\/g, '\\\\').replace(/\r\n?|\n/g, '\\n').replace(/,/g, '\\,');
  return semicolons ? out.replace(/;/g, '\\;') : out;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** FN from N (family;given;additional;prefix;suffix): "Dr. Hans Peter Müller Jr.", or family then given without a space in CJK. */
function nameFromN(parts: string[]): string {
  const [family = '', given = '', additional = '', prefix = '', suffix = ''] = parts.map((p) => p.trim());
  if (CJK.test(family + given)) return [prefix, `${family}${given}`, suffix].filter(Boolean).join(' ');
  return [prefix, given, additional, family, suffix].filter(Boolean).join(' ');
}

/** N from a name: the last word is the family name, the rest given names; a CJK name or one word is all family name. */
export function nParts(name: string): [string, string] {
  const words = name.trim().split(/\s+/);
  if (words.length < 2 || CJK.test(name)) return [name.trim(), ''];
  return [words.at(-1)!, words.slice(0, -1).join(' ')];
}

const typesOf = (params: Record<string, string[]>) => (params.TYPE ?? []).flatMap((t) => t.split(',')).map((t) => t.trim().toLowerCase());

/** Lower is preferred: 4.0 PREF=1..100, a 3.0 or 2.1 `pref` type as 1, none as 101. */
function rank(params: Record<string, string[]>): number {
  const pref = Number(params.PREF?.[0]);
  if (Number.isInteger(pref) && pref >= 1) return pref;
  return typesOf(params).includes('pref') ? 1 : 101;
}

const MANAGER_PROPS = new Set(['X-MS-MANAGER', 'X-EVOLUTION-MANAGER', 'X-MANAGER', 'X-KADDRESSBOOK-X-MANAGERSNAME']);
const isManager = (text: string) => /manager/i.test(text);

/** A card's fields from its content lines. */
export function readCard(raw: RawCard): ReadCard {
  const version = raw.props.find((p) => p.name === 'VERSION')?.value.trim() ?? '3.0';
  const text = (v: string) => unescape(v, version);
  const lines: ReadCard['lines'] = {};
  const first = (name: string) => raw.props.find((p) => p.name === name && p.value.trim() !== '');
  const single = (field: CardField, name: string) => {
    const p = first(name);
    if (!p) return null;
    lines[field] = [p.line];
    return text(p.value).trim() || null;
  };
  const labels = new Map(raw.props.filter((p) => p.name === 'X-ABLABEL' && p.group).map((p) => [p.group!.toLowerCase(), p.value]));

  let name = single('name', 'FN') ?? '';
  if (!name) {
    const n = first('N');
    if (n) {
      name = nameFromN(splitEscaped(n.value, ';').map((c) => splitEscaped(c, ',').map(text).join(' ')));
      if (name) lines.name = [n.line];
    }
  }
  const org = first('ORG');
  const company = org ? text(splitEscaped(org.value, ';')[0]!).trim() || null : null;
  if (company) lines.company = [org!.line];

  const ranked = (prop: string, field: CardField, clean: (v: string) => string) => {
    const found = raw.props.filter((p) => p.name === prop).map((p, i) => ({ p, i, value: clean(text(p.value).trim()) }))
      .filter((x) => x.value !== '')
      .sort((a, b) => rank(a.p.params) - rank(b.p.params) || a.i - b.i);
    const seen = new Set<string>();
    const kept = found.filter((x) => !seen.has(x.value.toLowerCase()) && seen.add(x.value.toLowerCase()));
    if (kept.length) lines[field] = kept.map((x) => x.p.line);
    return kept.map((x) => x.value);
  };
  const emails = ranked('EMAIL', 'emails', (v) => v.replace(/^mailto:/i, ''));
  const phones = ranked('TEL', 'phones', (v) => v.replace(/^tel:/i, ''));

  const categories: string[] = [];
  for (const p of raw.props.filter((q) => q.name === 'CATEGORIES')) {
    for (const c of splitEscaped(p.value, ',').map((v) => text(v).trim())) {
      if (c && !categories.includes(c)) {
        categories.push(c);
        (lines.categories ??= []).push(p.line);
      }
    }
  }

  const notes = raw.props.filter((p) => p.name === 'NOTE' && p.value !== '');
  if (notes.length) lines.note = [notes[0]!.line];

  let manager: Card['manager'] = null;
  for (const p of raw.props) {
    const related = (p.name === 'RELATED' || p.name === 'X-ABRELATEDNAMES') &&
      (typesOf(p.params).some(isManager) || (p.group !== null && isManager(labels.get(p.group.toLowerCase()) ?? '')));
    if (!related && !MANAGER_PROPS.has(p.name)) continue;
    const value = text(p.value).trim();
    const uri = /^urn:uuid:/i.test(value);
    const uid = p.params['X-CRM-UID']?.[0] ?? (uri ? value.replace(/^urn:uuid:/i, '') : null);
    const managerName = uri ? null : value || null;
    if (!uid && !managerName) continue;
    manager = { name: managerName, uid };
    lines.manager = [p.line];
    break;
  }

  const showAs = first('X-ABSHOWAS')?.value.trim().toUpperCase();
  const appleKind = first('X-ADDRESSBOOKSERVER-KIND')?.value.trim().toLowerCase();
  const kind = first('KIND')?.value.trim().toLowerCase() || (showAs === 'COMPANY' ? 'org' : appleKind === 'group' ? 'group' : 'individual');
  const uid = single('uid', 'UID')?.replace(/^urn:uuid:/i, '') ?? null;

  return {
    line: raw.line, version, lines, uid, kind, name, company,
    title: single('title', 'TITLE'),
    emails, phones, categories,
    note: notes.length ? notes.map((p) => text(p.value)).join('\n') : null,
    manager,
    role: single('role', 'X-CRM-ROLE'),
    externalId: single('externalId', 'X-CRM-EXTERNAL-ID'),
  };
}

/** Every card of a vCard file (2.1, 3.0 or 4.0, or a mix). */
export const readCards = (input: Uint8Array): ReadCard[] => splitCards(input).map(readCard);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface WriteOptions {
  version: VCardVersion;
  /** When the record last changed (ISO 8601 instant): REV. */
  revised?: string;
  prodid?: string;
}

/** REV as each version writes a timestamp: 4.0 basic format, 3.0 extended. */
const rev = (iso: string, version: VCardVersion) => {
  const t = new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return version === '4.0' ? t.replace(/[-:]/g, '') : t;
};

/**
 * One card, CRLF-terminated and folded at 75 octets. The first email and phone are preferred (4.0 PREF=1, 3.0
 * TYPE=pref). A manager is Apple's `X-ABRELATEDNAMES` labelled Manager in 3.0 and `RELATED;TYPE=x-manager` in
 * 4.0, with the manager's UID as an X-CRM-UID parameter, so that a re-import links the right person of two with
 * one name.
 */
export function writeCard(card: Card, o: WriteOptions): string {
  const v4 = o.version === '4.0';
  /** Plain text; a compound value's components use escapeText itself. */
  const text = (t: string) => escapeText(t, !v4);
  const out: LineOut[] = [{ name: 'BEGIN', value: 'VCARD' }, { name: 'VERSION', value: o.version }];
  if (o.prodid) out.push({ name: 'PRODID', value: text(o.prodid) });
  if (card.uid) out.push({ name: 'UID', value: v4 && UUID.test(card.uid) ? `urn:uuid:${card.uid}` : text(card.uid) });
  if (v4 && card.kind !== 'individual') out.push({ name: 'KIND', value: card.kind });
  out.push({ name: 'FN', value: text(card.name) });
  const [family, given] = nParts(card.name);
  out.push({ name: 'N', value: `${escapeText(family)};${escapeText(given)};;;` });
  if (card.company) out.push({ name: 'ORG', value: escapeText(card.company) });
  if (card.title) out.push({ name: 'TITLE', value: text(card.title) });
  card.emails.forEach((e, i) => out.push({ name: 'EMAIL', value: text(e),
    params: v4 ? (i === 0 ? { PREF: ['1'] } : {}) : { TYPE: i === 0 ? ['INTERNET', 'pref'] : ['INTERNET'] } }));
  card.phones.forEach((p, i) => out.push({ name: 'TEL', value: text(p),
    params: v4 ? { VALUE: ['text'], ...(i === 0 ? { PREF: ['1'] } : {}) } : (i === 0 ? { TYPE: ['pref'] } : {}) }));
  if (card.manager?.name) {
    const uid: Record<string, string[]> = card.manager.uid ? { 'X-CRM-UID': [card.manager.uid] } : {};
    if (v4) out.push({ name: 'RELATED', params: { TYPE: ['x-manager'], VALUE: ['text'], ...uid }, value: text(card.manager.name) });
    else {
      out.push({ group: 'item1', name: 'X-ABRELATEDNAMES', params: uid, value: text(card.manager.name) });
      out.push({ group: 'item1', name: 'X-ABLabel', value: '_$!<Manager>!$_' });
    }
  }
  if (card.categories.length) out.push({ name: 'CATEGORIES', value: card.categories.map(text).join(',') });
  if (card.note) out.push({ name: 'NOTE', value: text(card.note) });
  if (card.role) out.push({ name: 'X-CRM-ROLE', value: text(card.role) });
  if (card.externalId) out.push({ name: 'X-CRM-EXTERNAL-ID', value: text(card.externalId) });
  if (o.revised) out.push({ name: 'REV', value: rev(o.revised, o.version) });
  out.push({ name: 'END', value: 'VCARD' });
  return out.map((l) => `${foldLine(contentLine(l))}\r\n`).join('');
}
