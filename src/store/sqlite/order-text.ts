import type Database from 'better-sqlite3';

/**
 * Orders as the scans over a million of them read them: a few thousand at a time as one text that SQLite writes,
 * each order `id day code amount` (a company's id, or a person's after a minus), orders separated by commas, beside
 * how many orders the text holds. SQLite writes an order so in about 0.35 µs (a row handed to JavaScript costs 1 µs).
 *
 * readOrders takes only orders as crm writes them: whole ids and amounts of up to 15 digits, days YYYY-MM-DD, codes
 * of three capitals. Any other value, typed into the file by hand, cannot make a text that reads as such orders: the
 * four fields are the text's only spaces and each has its shape, so a field of another length or holding a space
 * fails, a comma inside one makes more orders than the count, and SQLite keeps a number written as text in these
 * columns as a number. (A BLOB written as digits would pass; crm writes none, and the GROUP BY would hand it on as
 * bytes.) Meeting anything else, a scan reads those orders another way.
 */
const ORDER_TEXT = `group_concat(ifnull(company_id, '-' || contact_id) || ' ' || ordered_on || ' ' || currency || ' ' || amount_minor, ','), count(*)`;

/** One range of order ids and its orders chosen, as ORDER_TEXT writes them. */
export interface OrderBatch {
  /** The ids `from` up to (not including) `to`. */
  from: number;
  to: number;
  text: string;
  count: number;
}

/** The lowest and highest order id (null without orders). */
export function orderIds(raw: Database.Database): [number | null, number | null] {
  // Two subqueries: min and max in one SELECT make SQLite walk the whole table instead of reading either end.
  return raw.prepare('select (select min(id) from orders), (select max(id) from orders)').raw().get() as [number | null, number | null];
}

/**
 * The orders `where` chooses (its parameters `params`), BATCH ids at a time in the table's own order. A range starts
 * at an id there is, so ids far apart cost a lookup each, not every range of BATCH ids between them.
 */
export function* orderBatches(raw: Database.Database, where: string, params: unknown[]): Generator<OrderBatch> {
  const batch = raw.prepare(`select ${ORDER_TEXT} from orders where id >= ? and id < ? and ${where}`).raw();
  const next = raw.prepare('select min(id) from orders where id >= ?').pluck();
  const [first, last] = orderIds(raw);
  for (let from = first; from !== null && last !== null && from <= last; from = next.get(from + BATCH) as number | null) {
    const [text, count] = batch.get(from, from + BATCH, ...params) as [string | null, number];
    yield { from, to: from + BATCH, text: text ?? '', count };
  }
}

const BATCH = 4_096;

/** Whether every order's company and person ids are above zero, so that an id after a minus can only be a person's. */
export function customerIdsPositive(raw: Database.Database): boolean {
  const [company, contact] = raw.prepare('select (select min(company_id) from orders), (select min(contact_id) from orders)')
    .raw().get() as [number | null, number | null];
  return (company ?? 1) > 0 && (contact ?? 1) > 0;
}

/**
 * Takes one order of ORDER_TEXT.
 * @param person whether the id is a person's (else a company's)
 * @param day the day as YYYYMMDD (see dayKey), written at `text[dayAt, dayAt + 10)`
 * @param code the currency code (see codeKey), written just after the day and a space
 */
export type OrderVisitor = (person: boolean, id: number, day: number, dayAt: number, code: number, amount: number) => void;

/**
 * Hands each order of `batch` to `visit`; false at an order not written as crm writes it, or if the text held more
 * or fewer orders than the batch counted (those before it handed over).
 */
export function readOrders({ text, count }: Pick<OrderBatch, 'text' | 'count'>, visit: OrderVisitor): boolean {
  const length = text.length;
  let read = 0;
  for (let at = 0; at < length;) {
    let c = text.charCodeAt(at);
    const person = c === 45;
    if (person) c = text.charCodeAt(++at);
    const idFrom = at;
    let id = 0;
    for (; c >= 48 && c <= 57; c = text.charCodeAt(++at)) id = id * 10 + (c - 48);
    if (c !== 32 || at === idFrom || at - idFrom > MAX_DIGITS) return false;
    const dayAt = at + 1;
    const day = dayKey(text, dayAt);
    if (day < 0 || text.charCodeAt(dayAt + 10) !== 32) return false;
    at = dayAt + 11;
    const code = codeKey(text, at);
    if (code < 0 || text.charCodeAt(at + 3) !== 32) return false;
    at += 4;
    c = text.charCodeAt(at);
    const negative = c === 45;
    if (negative) c = text.charCodeAt(++at);
    const amountFrom = at;
    let amount = 0;
    for (; c >= 48 && c <= 57; c = text.charCodeAt(++at)) amount = amount * 10 + (c - 48);
    if (at === amountFrom || at - amountFrom > MAX_DIGITS || (at < length && c !== 44)) return false;
    if (++read > count) return false;
    visit(person, id, day, dayAt, code, negative ? -amount : amount);
    at += 1;
  }
  return read === count;
}

/** Ids and amounts of up to 15 digits are exact as doubles. */
const MAX_DIGITS = 15;

/** Codes of three capitals. */
export const CODES = 26 ** 3;

/** The number (below CODES, in alphabetical order) of the code of three capitals at `at`, else -1. */
function codeKey(text: string, at: number): number {
  const a = text.charCodeAt(at) - 65;
  const b = text.charCodeAt(at + 1) - 65;
  const c = text.charCodeAt(at + 2) - 65;
  // Written so that NaN (past the end of the text) fails too.
  if (!(a >= 0 && a < 26 && b >= 0 && b < 26 && c >= 0 && c < 26)) return -1;
  return (a * 26 + b) * 26 + c;
}

export const codeText = (code: number) => String.fromCharCode(65 + Math.floor(code / 676), 65 + (Math.floor(code / 26) % 26), 65 + (code % 26));

/**
 * YYYYMMDD (which orders days as their texts do) for the day written YYYY-MM-DD at `at`, month 01-12 and day 01-31 as
 * SQLite's date functions take them; else -1.
 */
export function dayKey(text: string, at: number): number {
  if (text.charCodeAt(at + 4) !== 45 || text.charCodeAt(at + 7) !== 45) return -1;
  let key = 0;
  for (let i = at; i < at + 10; i++) {
    if (i === at + 4 || i === at + 7) continue;
    const d = text.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    key = key * 10 + d;
  }
  const month = Math.floor(key / 100) % 100;
  const day = key % 100;
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? key : -1;
}
