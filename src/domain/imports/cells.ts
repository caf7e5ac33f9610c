import { problem, type Schema, tag } from '../check.js';
import { CrmError } from '../../errors.js';
import { parseMoney, type Money, parseCurrency } from '../money.js';
import { importDate } from '../order-import.js';
import { parseInstant } from '../instant.js';
import { FieldProblem } from '../row-schema.js';

/**
 * Reading the cells of one imported row into typed fields: every kind's row schema (rows.ts, contact-rows.ts) reads
 * its cells with a CellReader, which collects what is wrong with each field instead of stopping at the first, and
 * words each problem "value, what is wrong; how to fix it", as the import lists them by line and column.
 */

/** A preset's words for a field's values, by their vocabKey: HubSpot's "Sales Qualified Lead" -> prospect. '' drops a value. */
export type Vocabulary<F extends string> = Partial<Record<F, Readonly<Record<string, string>>>>;

/** How vocabularies look values up: letters and digits only, lower case ("Sales Qualified Lead" = salesqualifiedlead). */
export const vocabKey = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** A reference to another record in a row: its uuid (a crm export's) and/or its text (an id, a name, an email, ...). */
export interface RefCell {
  uuid: string | null;
  text: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Items of a list cell. crm writes "a; b"; Google "a ::: b"; other exports "a, b" or one per line. Emails, phones
 * and tags hold none of these separators, so any of them splits.
 */
export function listItems(text: string): string[] {
  return text.split(/\s*(?::::|[;,\r\n])\s*/).map((s) => s.trim()).filter(Boolean);
}

/**
 * A label as a crm tag: lower case, spaces and the joiners people put in labels ("Family & Friends") as single '-',
 * other characters a tag cannot hold left out. Null when nothing is left.
 */
export function tagText(label: string): string | null {
  const t = label.normalize('NFKC').trim().toLowerCase().replace(/[\s/&+,|]+/g, '-').replace(/[^\p{L}\p{N}_.:-]/gu, '')
    .replace(/-{2,}/g, '-').replace(/^[^\p{L}\p{N}]+/u, '').slice(0, 50).replace(/[-_.:]+$/, '');
  return t === '' ? null : t;
}

const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC]+$/u;

/**
 * A person's name from the parts exports keep apart: given, middle and family name, in that order, as Western names
 * are written ("José Müller"); a name written in Chinese, Japanese or Korean characters family name first, without
 * spaces ("田中花子"), as it is written there.
 */
export function personName(given: string, middle: string, family: string): string {
  const parts = [given, middle, family].map((p) => p.trim());
  const present = parts.filter(Boolean);
  if (present.length > 1 && present.every((p) => CJK.test(p))) return [parts[2], parts[0], parts[1]].filter(Boolean).join('');
  return present.join(' ');
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'x', 'ja', 'oui', 'si', 'sí']);
const FALSE = new Set(['false', 'no', 'n', '0', 'nein', 'non']);

/** The problem a shared field check's refusal (a CrmError naming `field`) makes in a row: its text without the name, with the fix. */
export function problemFrom<F extends string>(field: F, e: unknown): FieldProblem<F> {
  if (!(e instanceof CrmError)) throw e;
  const prefix = `${field}: `;
  const what = e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
  return new FieldProblem(field, e.hint ? `${what}; ${e.hint}` : what);
}

export class CellReader<F extends string> {
  readonly problems: FieldProblem<F>[] = [];

  constructor(private readonly cell: (field: F) => string, private readonly words: Vocabulary<F> = {}) {}

  /** What a field's cell means once the preset's words are applied; '' for an empty cell. */
  text(field: F): string {
    const raw = this.cell(field);
    return raw === '' ? '' : this.word(field, raw);
  }

  private word(field: F, value: string): string {
    const words = this.words[field];
    if (!words) return value;
    const said = words[vocabKey(value)];
    return said === undefined ? value : said;
  }

  /** The problems found, in the order of `fields` (the file's columns as a person reads them). */
  problemsIn(fields: readonly F[]): FieldProblem<F>[] {
    return this.problems.map((p, i) => [p, i] as const)
      .sort(([a, i], [b, j]) => fields.indexOf(a.field) - fields.indexOf(b.field) || i - j).map(([p]) => p);
  }

  fail(field: F, message: string): undefined {
    this.problems.push(new FieldProblem(field, message));
    return undefined;
  }

  /** The field read by `read` (a parser that throws crm's validation errors), or undefined when its cell is empty or bad. */
  read<T>(field: F, read: (text: string) => T): T | undefined {
    const text = this.text(field);
    if (text === '') return undefined;
    try {
      return read(text);
    } catch (e) {
      this.problems.push(problemFrom(field, e));
      return undefined;
    }
  }

  /** The field checked by a schema; undefined when empty or bad. */
  checked<T>(field: F, schema: Schema<T>): T | undefined {
    const text = this.text(field);
    if (text === '') return undefined;
    const result = schema.safeParse(text);
    if (result.success) return result.data;
    const p = problem(schema, text)!;
    return this.fail(field, `"${text}" ${p.what}${p.fix ? `; ${p.fix}` : ''}`);
  }

  /** Each item of a list cell checked by a schema, duplicates left out. */
  list<T>(field: F, schema: Schema<T>): T[] {
    const out: T[] = [];
    for (const item of listItems(this.cell(field))) {
      const value = this.word(field, item);
      if (value === '') continue;
      const result = schema.safeParse(value);
      if (!result.success) {
        const p = problem(schema, value)!;
        this.fail(field, `"${value}" ${p.what}${p.fix ? `; ${p.fix}` : ''}`);
      } else if (!out.includes(result.data)) out.push(result.data);
    }
    return out;
  }

  /** Labels as tags (tagText), sorted as crm keeps them. */
  tags(field: F): string[] {
    const labels = listItems(this.cell(field)).map((l) => this.word(field, l)).filter((l) => l !== '');
    const tags = labels.map(tagText).filter((t): t is string => t !== null).filter((t) => tag.safeParse(t).success);
    return [...new Set(tags)].sort();
  }

  bool(field: F): boolean | undefined {
    const text = this.text(field);
    if (text === '') return undefined;
    const t = text.trim().toLowerCase();
    if (TRUE.has(t)) return true;
    if (FALSE.has(t)) return false;
    return this.fail(field, `"${text}" is not yes or no; write true or false`);
  }

  uuid(field: F): string | null {
    const text = this.text(field).toLowerCase();
    if (text === '') return null;
    return UUID.test(text) ? text : (this.fail(field, `"${text}" is not a UUID; leave it empty and crm gives the record one`) ?? null);
  }

  /** A record id (12 or #12) a new record keeps when it is free. */
  id(field: F): number | null {
    const text = this.text(field);
    if (text === '') return null;
    const m = /^#?(\d{1,15})$/.exec(text);
    return m && Number(m[1]) > 0 ? Number(m[1]) : (this.fail(field, `"${text}" is not a record id; leave it empty for a new one`) ?? null);
  }

  ref(field: F, uuidField?: F): RefCell | null {
    const text = this.text(field);
    const uuid = uuidField ? this.uuid(uuidField) : null;
    return text === '' && uuid === null ? null : { uuid, text: text === '' ? null : text };
  }

  /** A calendar date as exports write it (importDate's forms). */
  date(field: F): string | undefined {
    const text = this.text(field);
    if (text === '') return undefined;
    return importDate(text) ?? this.fail(field, `"${text}" is not a date; use YYYY-MM-DD`);
  }

  /** A point in time: an ISO date-time (a crm export's), or a date as exports write it (local midnight). */
  instant(field: F): string | undefined {
    const text = this.text(field);
    if (text === '') return undefined;
    if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
      try {
        return parseInstant(text, field).toISOString();
      } catch (e) {
        this.problems.push(problemFrom(field, e));
        return undefined;
      }
    }
    const day = importDate(text);
    const time = /(?:^|[ T])(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/.exec(text);
    if (!day) return this.fail(field, `"${text}" is not a date and time; use e.g. 2026-03-15T09:30:00Z`);
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return new Date(y, m - 1, d, Number(time?.[1] ?? 0), Number(time?.[2] ?? 0), Number(time?.[3] ?? 0)).toISOString();
  }

  /** An amount in the row's currency (the `currency` field, else `fallback`); negative only when allowed. */
  money(amountField: F, currencyField: F, fallback: string, allowNegative = false): Money | undefined {
    let currency = fallback;
    const code = this.text(currencyField);
    if (code !== '') {
      try {
        currency = parseCurrency(code, currencyField);
      } catch (e) {
        this.problems.push(problemFrom(currencyField, e));
        return undefined;
      }
    }
    const amount = this.text(amountField);
    if (amount === '') return code === '' ? undefined : { minor: 0, currency };
    try {
      return parseMoney(amount.replace(/^(-?)\s*[$€£¥]\s*/u, '$1'), amountField, currency, { allowNegative });
    } catch (e) {
      this.problems.push(problemFrom(amountField, e));
      return undefined;
    }
  }

  /** A whole percentage, 0-100 ("25" or "25%"). */
  percent(field: F): number | undefined {
    const text = this.text(field);
    if (text === '') return undefined;
    const m = /^(\d{1,3})(?:\.0+)?\s*%?$/.exec(text);
    return m && Number(m[1]) <= 100 ? Number(m[1]) : this.fail(field, `"${text}" is not a whole percentage from 0 to 100; write it like 25`);
  }
}
