/**
 * vCard content lines (RFC 2425/6350, and vCard 2.1's older rules), read as real files have them: CRLF, LF or lone
 * CR; a byte-order mark; blank lines between cards; cards that never END; folds that cut a UTF-8 sequence in two;
 * 2.1 quoted-printable with soft line breaks in the charset the property names; bare 2.1 parameters (`TEL;CELL:`);
 * base64 photos over hundreds of lines, indented or not. The reader works on bytes, because a 2.1 file mixes
 * charsets line by line. Values come back decoded but not unescaped: escaping differs by version and by
 * property, which card.ts knows.
 *
 * Our own code, not ical.js: ical.js reads 3.0 and 4.0 only when they follow the RFCs to the letter. It refuses 2.1
 * bare parameters ("Invalid parameters in 'TEL;CELL;PREF:...'", which Outlook writes in 3.0 files too), fails on
 * a card without END and keeps the backslash of `\;` in a 3.0 NOTE. Writing is ours too, so that one escaping
 * model is tested both ways (test/unit/vcard-*.test.ts).
 */

export interface ContentLine {
  /** The line of the file the property starts on (1-based). */
  line: number;
  /** Apple's `item1.` prefix that ties an EMAIL to its X-ABLabel; null without one. */
  group: string | null;
  /** Upper case. */
  name: string;
  /** Parameter names in upper case, each with its values (unquoted, carets decoded); bare 2.1 parameters are TYPE. */
  params: Record<string, string[]>;
  /** Decoded text (quoted-printable and charset), still escaped; '' for binary values, which nothing here reads. */
  value: string;
}

export interface RawCard {
  /** The line of BEGIN:VCARD. */
  line: number;
  /** False when the file ended, or another card began, before END:VCARD. */
  ended: boolean;
  props: ContentLine[];
}

/** Properties whose values are images, sounds or keys: skipped, however long. */
const BINARY = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);
const ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;
const EQUALS = 0x3d;

/** The file's bytes as UTF-8 bytes when it is UTF-16 (by its byte-order mark), without a UTF-8 byte-order mark. */
function normalized(input: Uint8Array): Uint8Array {
  if (input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) return input.subarray(3);
  const le = input[0] === 0xff && input[1] === 0xfe;
  if (le || (input[0] === 0xfe && input[1] === 0xff)) {
    return new TextEncoder().encode(new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(input.subarray(2)));
  }
  return input;
}

interface Physical {
  line: number;
  bytes: Uint8Array;
}

function* physicalLines(data: Uint8Array): Generator<Physical> {
  let start = 0;
  let line = 1;
  for (let i = 0; i < data.length; i += 1) {
    const b = data[i];
    if (b !== CR && b !== LF) continue;
    yield { line, bytes: data.subarray(start, i) };
    if (b === CR && data[i + 1] === LF) i += 1;
    start = i + 1;
    line += 1;
  }
  if (start < data.length) yield { line, bytes: data.subarray(start) };
}

const ascii = (bytes: Uint8Array) => String.fromCharCode(...bytes);

/** Where the name and parameters end: the first colon outside double quotes (-1 without one). */
function colonAt(bytes: Uint8Array): number {
  let quoted = false;
  for (let i = 0; i < bytes.length; i += 1) {
    if (bytes[i] === 0x22) quoted = !quoted;
    else if (bytes[i] === 0x3a && !quoted) return i;
  }
  return -1;
}

/** Whether a line's name and parameters say quoted-printable (2.1 `;ENCODING=QUOTED-PRINTABLE` or bare `;QUOTED-PRINTABLE`). */
function isQuotedPrintable(bytes: Uint8Array): boolean {
  const colon = colonAt(bytes);
  return colon > 0 && /;(?:ENCODING=)?QUOTED-PRINTABLE\b/i.test(ascii(bytes.subarray(0, Math.min(colon, 512))));
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Logical lines: folds undone (a line starting with a space or tab continues the one before, minus that one
 * character), and quoted-printable soft breaks (`=` at the end) joined to the next line as it is. Joining happens
 * on bytes, so a fold inside a UTF-8 sequence leaves it whole.
 */
function* logicalLines(data: Uint8Array): Generator<Physical> {
  let pending: { line: number; parts: Uint8Array[]; qp: boolean } | null = null;
  const flush = () => {
    const out = pending && { line: pending.line, bytes: concat(pending.parts) };
    pending = null;
    return out;
  };
  for (const { line, bytes } of physicalLines(data)) {
    if (pending) {
      const last = pending.parts.at(-1)!;
      if (pending.qp && last.length > 0 && last[last.length - 1] === EQUALS) {
        pending.parts[pending.parts.length - 1] = last.subarray(0, last.length - 1);
        pending.parts.push(bytes);
        continue;
      }
      if (bytes.length > 0 && (bytes[0] === SPACE || bytes[0] === TAB)) {
        pending.parts.push(bytes.subarray(1));
        continue;
      }
      yield flush()!;
    }
    if (bytes.length === 0) continue;
    pending = { line, parts: [bytes], qp: isQuotedPrintable(bytes) };
  }
  if (pending) yield flush()!;
}

/** Text in the charset a property names; without one, UTF-8, or Windows-1252 when the bytes are not UTF-8. */
function decodeText(bytes: Uint8Array, charset: string | undefined): string {
  if (charset) {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // An unknown charset name: guess as if none were given.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const hex = (b: number | undefined) => (b === undefined ? -1 : b >= 0x30 && b <= 0x39 ? b - 0x30 : b >= 0x41 && b <= 0x46 ? b - 0x37 : b >= 0x61 && b <= 0x66 ? b - 0x57 : -1);

/** Quoted-printable to bytes: `=XX` is a byte; anything else stays (soft line breaks are joined already). */
function decodeQuotedPrintable(bytes: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i]!;
    if (b === EQUALS) {
      const hi = hex(bytes[i + 1]);
      const lo = hex(bytes[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out.push(b);
  }
  return Uint8Array.from(out);
}

/** RFC 6868: ^n is a line break, ^' a double quote, ^^ a caret. */
const decodeCarets = (v: string) => v.replace(/\^(n|N|'|\^)/g, (_m, c: string) => (c === '^' ? '^' : c === "'" ? '"' : '\n'));

/** Splits on `sep` outside double quotes. */
function splitOutsideQuotes(text: string, sep: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === sep && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

const unquote = (v: string) => (v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v.replaceAll('"', ''));

function parseLine({ line, bytes }: Physical): ContentLine | null {
  const colon = colonAt(bytes);
  if (colon <= 0) return null; // not a property: a stray line of base64 from a 2.1 photo, or junk
  const [head, ...rawParams] = splitOutsideQuotes(decodeText(bytes.subarray(0, colon), undefined), ';');
  const dot = head!.lastIndexOf('.');
  const name = head!.slice(dot + 1).trim().toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(name)) return null;
  const params: Record<string, string[]> = {};
  const add = (key: string, values: string[]) => {
    params[key] = [...(params[key] ?? []), ...values];
  };
  for (const raw of rawParams) {
    const eq = raw.indexOf('=');
    if (eq < 0) {
      const bare = raw.trim();
      if (bare) add(ENCODINGS.has(bare.toUpperCase()) ? 'ENCODING' : 'TYPE', [bare]);
      continue;
    }
    const key = raw.slice(0, eq).trim().toUpperCase();
    if (key) add(key, splitOutsideQuotes(raw.slice(eq + 1), ',').map((v) => decodeCarets(unquote(v))));
  }
  const encoding = params.ENCODING?.[0]?.toUpperCase();
  const group = dot > 0 ? head!.slice(0, dot).trim() : null;
  if (BINARY.has(name) || encoding === 'B' || encoding === 'BASE64') return { line, group, name, params, value: '' };
  let value = bytes.subarray(colon + 1);
  if (encoding === 'QUOTED-PRINTABLE') value = decodeQuotedPrintable(value);
  return { line, group, name, params, value: decodeText(value, params.CHARSET?.[0]) };
}

/** The cards of a vCard file: BEGIN:VCARD to END:VCARD (or to the next BEGIN, or the end of the file). */
export function splitCards(input: Uint8Array): RawCard[] {
  const cards: RawCard[] = [];
  let card: RawCard | null = null;
  for (const logical of logicalLines(normalized(input))) {
    const prop = parseLine(logical);
    if (!prop) continue;
    const what = prop.value.trim().toUpperCase();
    if (prop.name === 'BEGIN' && what === 'VCARD') {
      card = { line: prop.line, ended: false, props: [] };
      cards.push(card);
    } else if (prop.name === 'END' && what === 'VCARD') {
      if (card) card.ended = true;
      card = null;
    } else if (card) {
      card.props.push(prop);
    }
  }
  return cards;
}

/** One property to write; parameters in the order given. */
export interface LineOut {
  group?: string;
  name: string;
  params?: Record<string, string[]>;
  /** Escaped already, as the property's value type needs. */
  value: string;
}

/** A parameter value: carets for line breaks, quotes and carets (RFC 6868), and quoted when it holds , ; or :. */
function paramValue(v: string): string {
  const encoded = v.replace(/\^/g, '^^').replace(/\r\n?|\n/g, '^n').replace(/"/g, "^'");
  return /[,;:]/.test(encoded) ? `"${encoded}"` : encoded;
}

/** The unfolded text of one property. */
export function contentLine(l: LineOut): string {
  const params = Object.entries(l.params ?? {}).filter(([, vs]) => vs.length > 0)
    .map(([k, vs]) => `;${k}=${vs.map(paramValue).join(',')}`).join('');
  return `${l.group ? `${l.group}.` : ''}${l.name}${params}:${l.value}`;
}

const utf8Length = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/**
 * Folds a line to 75 octets a line (RFC 6350 3.2, RFC 5545 3.1): CRLF and a space before each continuation, which
 * holds 74 octets after its space. It cuts between code points, never inside a UTF-8 sequence, and never between
 * a backslash and the character it escapes, for readers that unescape before they unfold.
 */
export function foldLine(text: string): string {
  const out: string[] = [];
  let start = 0;
  let size = 0;
  let limit = 75;
  let cut = 0; // the last position a fold may go
  let escaping = false;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (!escaping) cut = i;
    const n = utf8Length(cp);
    if (size + n > limit) {
      const at = cut > start ? cut : i;
      out.push(text.slice(start, at));
      start = at;
      limit = 74;
      size = 0;
      i = at;
      escaping = false;
      continue;
    }
    size += n;
    escaping = !escaping && cp === 0x5c;
    i += width;
  }
  out.push(text.slice(start));
  return out.join('\r\n ');
}
