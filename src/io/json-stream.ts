/**
 * Reads a JSON document of the backup's shape, `{ "key": value, ..., "<nested>": { "name": [ row, row, ... ], ... } }`,
 * as it streams in: the top-level values whole, and the rows of each array under `nested` in batches, so that a
 * backup of a million orders never sits in memory. Any valid JSON of that shape reads (reformatted, reordered keys);
 * rows are parsed by JSON.parse, except a row with an integer of 16 digits or more, which is read with the digits kept
 * (a bigint past 2^53).
 *
 * (Why not a package: node_modules is shared here and adding stream-json or @streamparser/json was not possible;
 * the shape is fixed, so finding where each row ends and handing that slice to JSON.parse is all it takes.)
 */

export type DocumentEvent =
  | { kind: 'field'; key: string; value: unknown }
  /** An array under `nested` begins: its rows follow. */
  | { kind: 'table'; table: string }
  | { kind: 'rows'; table: string; rows: unknown[] };

export class JsonStreamError extends Error {
  constructor(readonly kind: 'truncated' | 'syntax' | 'not-object', readonly line: number, readonly table?: string, readonly detail?: string) {
    super(kind === 'syntax' ? `line ${line}: ${detail}` : kind === 'truncated' ? `ends early${table ? ` inside ${table}` : ''}` : 'not a JSON object');
    this.name = 'JsonStreamError';
  }
}

const enum S {
  Start, TopKey, TopKeyNext, TopColon, TopValue, TopAfter,
  NestedOpen, NestedKey, NestedKeyNext, NestedColon, RowsOpen, RowFirst, Row, RowAfter, NestedAfter, Done,
}

const WS = new Uint8Array(128);
for (const c of [0x20, 0x09, 0x0a, 0x0d]) WS[c] = 1;
const isDelimiter = (c: number) => c === 0x2c || c === 0x7d || c === 0x5d || (c < 128 && WS[c] === 1);

/** Scans fed text; `feed` returns the events the text completed. */
export class DocumentScanner {
  private buf = '';
  private pos = 0;
  private state = S.Start;
  private line = 1;
  private key = '';
  private table = '';
  private batch: unknown[] = [];
  private events: DocumentEvent[] = [];
  private started = false;

  constructor(private readonly nested = 'tables', private readonly batchSize = 500) {}

  feed(text: string): DocumentEvent[] {
    this.buf = this.pos < this.buf.length ? this.buf.slice(this.pos) + text : text;
    this.pos = 0;
    this.run(false);
    const out = this.events;
    this.events = [];
    return out;
  }

  /** The input has ended: the document must be complete. */
  end(): DocumentEvent[] {
    this.run(true);
    if (this.state !== S.Done) {
      const inTable = this.state >= S.RowsOpen && this.state <= S.RowAfter;
      if (!this.started) throw new JsonStreamError('not-object', this.line);
      throw new JsonStreamError('truncated', this.line, inTable ? this.table : undefined);
    }
    const out = this.events;
    this.events = [];
    return out;
  }

  private syntax(detail: string): never {
    throw new JsonStreamError('syntax', this.line, undefined, detail);
  }

  /** Skips whitespace, counting lines; false when the buffer ran out. */
  private skip(): boolean {
    const { buf } = this;
    let i = this.pos;
    for (; i < buf.length; i++) {
      const c = buf.charCodeAt(i);
      if (c === 0x0a) this.line += 1;
      else if (!(c < 128 && WS[c] === 1) && c !== 0xfeff) break;
    }
    this.pos = i;
    return i < buf.length;
  }

  /** The end of the string starting at `start` (its opening quote), or -1 if it does not end in the buffer. */
  private stringEnd(start: number): number {
    const { buf } = this;
    let i = start + 1;
    for (;;) {
      const q = buf.indexOf('"', i);
      if (q < 0) return -1;
      let slashes = 0;
      for (let k = q - 1; buf.charCodeAt(k) === 0x5c; k--) slashes += 1;
      if (slashes % 2 === 0) return q + 1;
      i = q + 1;
    }
  }

  /** The end of the value at `pos` and whether it has a long integer, or -1 if it does not end in the buffer. */
  private valueEnd(atEnd: boolean): [number, boolean] {
    const { buf } = this;
    const start = this.pos;
    const c = buf.charCodeAt(start);
    if (c === 0x22) return [this.stringEnd(start), false];
    if (c === 0x7b || c === 0x5b) {
      let depth = 0;
      let digits = 0;
      let big = false;
      for (let i = start; i < buf.length; i++) {
        const d = buf.charCodeAt(i);
        if (d === 0x22) {
          const e = this.stringEnd(i);
          if (e < 0) return [-1, false];
          i = e - 1;
          digits = 0;
        } else if (d === 0x7b || d === 0x5b) {
          depth += 1;
        } else if (d === 0x7d || d === 0x5d) {
          depth -= 1;
          if (depth === 0) return [i + 1, big || digits >= 16];
          if (digits >= 16) big = true;
          digits = 0;
        } else if (d >= 0x30 && d <= 0x39) {
          digits += 1;
        } else {
          if (digits >= 16) big = true;
          digits = 0;
        }
      }
      return [-1, false];
    }
    // A number, true, false or null: it ends at a delimiter.
    let i = start;
    while (i < buf.length && !isDelimiter(buf.charCodeAt(i))) i++;
    if (i === buf.length && !atEnd) return [-1, false];
    const digits = buf.slice(start, i).replace(/\D/g, '').length;
    return [i, digits >= 16];
  }

  private parse(text: string, big: boolean): unknown {
    try {
      return big ? parseKeepingIntegers(text) : JSON.parse(text);
    } catch (e) {
      this.syntax((e as Error).message.replace(/^(Unexpected|Expected)/, (m) => m.toLowerCase()).replace(/ in JSON at position \d+.*$/, ''));
    }
  }

  /** Reads one whole value at pos; undefined when the buffer ran out first. */
  private value(atEnd: boolean): { value: unknown } | undefined {
    const [end, big] = this.valueEnd(atEnd);
    if (end < 0) return undefined;
    const text = this.buf.slice(this.pos, end);
    const value = this.parse(text, big);
    for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) this.line += 1;
    this.pos = end;
    return { value };
  }

  private keyString(): string | undefined {
    const end = this.stringEnd(this.pos);
    if (end < 0) return undefined;
    const key = this.parse(this.buf.slice(this.pos, end), false) as string;
    this.pos = end;
    return key;
  }

  private flush(): void {
    if (this.batch.length) this.events.push({ kind: 'rows', table: this.table, rows: this.batch });
    this.batch = [];
  }

  private expect(char: string, then: S, what: string): void {
    if (this.buf[this.pos] !== char) this.syntax(`expected ${what}`);
    this.pos += 1;
    this.state = then;
  }

  private run(atEnd: boolean): void {
    for (;;) {
      if (!this.skip()) {
        if (this.state === S.Row || this.state === S.RowFirst || this.state === S.RowAfter) this.flush();
        return;
      }
      const ch = this.buf[this.pos];
      switch (this.state) {
        case S.Start:
          if (ch !== '{') throw new JsonStreamError('not-object', this.line);
          this.started = true;
          this.pos += 1;
          this.state = S.TopKeyNext;
          break;
        case S.TopKeyNext:
        case S.TopKey: {
          if (ch === '}' && this.state === S.TopKeyNext) {
            this.pos += 1;
            this.state = S.Done;
            break;
          }
          if (ch !== '"') this.syntax('expected a key in quotes');
          const key = this.keyString();
          if (key === undefined) return;
          this.key = key;
          this.state = S.TopColon;
          break;
        }
        case S.TopColon:
          this.expect(':', this.key === this.nested ? S.NestedOpen : S.TopValue, '":"');
          break;
        case S.TopValue: {
          const read = this.value(atEnd);
          if (!read) return;
          this.events.push({ kind: 'field', key: this.key, value: read.value });
          this.state = S.TopAfter;
          break;
        }
        case S.TopAfter:
          if (ch === ',') {
            this.pos += 1;
            this.state = S.TopKey;
          } else {
            this.expect('}', S.Done, '"," or "}"');
          }
          break;
        case S.NestedOpen:
          this.expect('{', S.NestedKeyNext, `an object of tables under "${this.nested}"`);
          break;
        case S.NestedKeyNext:
        case S.NestedKey: {
          if (ch === '}' && this.state === S.NestedKeyNext) {
            this.pos += 1;
            this.state = S.TopAfter;
            break;
          }
          if (ch !== '"') this.syntax('expected a table name in quotes');
          const key = this.keyString();
          if (key === undefined) return;
          this.table = key;
          this.state = S.NestedColon;
          break;
        }
        case S.NestedColon:
          this.expect(':', S.RowsOpen, '":"');
          break;
        case S.RowsOpen:
          this.expect('[', S.RowFirst, `a list of rows for table ${this.table}`);
          this.events.push({ kind: 'table', table: this.table });
          break;
        case S.RowFirst:
        case S.Row: {
          if (ch === ']' && this.state === S.RowFirst) {
            this.pos += 1;
            this.flush();
            this.state = S.NestedAfter;
            break;
          }
          const read = this.value(atEnd);
          if (!read) {
            this.flush();
            return;
          }
          this.batch.push(read.value);
          if (this.batch.length >= this.batchSize) this.flush();
          this.state = S.RowAfter;
          break;
        }
        case S.RowAfter:
          if (ch === ',') {
            this.pos += 1;
            this.state = S.Row;
          } else {
            this.expect(']', S.NestedAfter, '"," or "]"');
            this.flush();
          }
          break;
        case S.NestedAfter:
          if (ch === ',') {
            this.pos += 1;
            this.state = S.NestedKey;
          } else {
            this.expect('}', S.TopAfter, '"," or "}"');
          }
          break;
        case S.Done:
          this.syntax('unexpected text after the document');
      }
    }
  }
}

/** The events of a document read from `input` (bytes in UTF-8, or text). */
export async function* documentEvents(input: AsyncIterable<Buffer | string>, nested = 'tables'): AsyncGenerator<DocumentEvent> {
  const scanner = new DocumentScanner(nested);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (chunk: Buffer | string | undefined, last: boolean) => {
    try {
      return typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: !last });
    } catch {
      throw new JsonStreamError('syntax', 0, undefined, 'not UTF-8 text');
    }
  };
  for await (const chunk of input) yield* scanner.feed(decode(chunk as Buffer | string, false));
  yield* scanner.feed(decode(undefined, true));
  yield* scanner.end();
}

/**
 * JSON.parse that keeps every integer's digits: one past 2^53 becomes a bigint. Only for the rare row that has one.
 */
export function parseKeepingIntegers(text: string): unknown {
  const token = /\s*(?:("(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(true|false|null)|([{}[\],:]))/y;
  let pos = 0;
  const next = (): [string, string] => {
    token.lastIndex = pos;
    const m = token.exec(text);
    if (!m) throw new SyntaxError(`unexpected token at position ${pos}`);
    pos = token.lastIndex;
    if (m[1] !== undefined) return ['string', m[1]];
    if (m[2] !== undefined) return ['number', m[2]];
    if (m[3] !== undefined) return ['literal', m[3]];
    return ['punct', m[4]!];
  };
  const value = (t: [string, string]): unknown => {
    const [kind, raw] = t;
    if (kind === 'string') return JSON.parse(raw);
    if (kind === 'number') {
      const n = Number(raw);
      return /^-?\d+$/.test(raw) && !Number.isSafeInteger(n) ? BigInt(raw) : n;
    }
    if (kind === 'literal') return raw === 'null' ? null : raw === 'true';
    if (raw === '[') {
      const out: unknown[] = [];
      let t2 = next();
      if (t2[1] === ']' && t2[0] === 'punct') return out;
      for (;;) {
        out.push(value(t2));
        const sep = next();
        if (sep[1] === ']') return out;
        if (sep[1] !== ',') throw new SyntaxError('expected "," or "]"');
        t2 = next();
      }
    }
    if (raw === '{') {
      const out: Record<string, unknown> = {};
      let k = next();
      if (k[1] === '}' && k[0] === 'punct') return out;
      for (;;) {
        if (k[0] !== 'string') throw new SyntaxError('expected a key in quotes');
        if (next()[1] !== ':') throw new SyntaxError('expected ":"');
        // As JSON.parse does: a key named __proto__ is a property, not the prototype.
        Object.defineProperty(out, JSON.parse(k[1]) as string, { value: value(next()), enumerable: true, writable: true, configurable: true });
        const sep = next();
        if (sep[1] === '}') return out;
        if (sep[1] !== ',') throw new SyntaxError('expected "," or "}"');
        k = next();
      }
    }
    throw new SyntaxError(`unexpected "${raw}"`);
  };
  const result = value(next());
  if (text.slice(pos).trim() !== '') throw new SyntaxError('unexpected text after the value');
  return result;
}
