import { dateOf } from './calendar.js';
import { ONE_LINE, rejected, visible } from './check.js';
import { parseCurrency, parseMoney } from './money.js';

/** The fields an order import reads, and the CSV column each comes from (`--map field=Column`). */
export const IMPORT_FIELDS = ['customer', 'date', 'amount', 'currency', 'reference'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type ImportMapping = Record<ImportField, string>;

export const DEFAULT_MAPPING: ImportMapping = { customer: 'customer', date: 'date', amount: 'amount', currency: 'currency', reference: 'reference' };

/** Reads `--map customer=CustomerID` flags over the default mapping. */
export function parseMapping(maps: readonly string[] | undefined): ImportMapping {
  const mapping = { ...DEFAULT_MAPPING };
  for (const m of maps ?? []) {
    const [field, column] = m.split('=', 2).map((s) => s.trim());
    if (!field || !column || !(IMPORT_FIELDS as readonly string[]).includes(field)) {
      throw rejected('--map', m, `is not FIELD=COLUMN; fields: ${IMPORT_FIELDS.join(', ')}; e.g. --map customer=CustomerID`);
    }
    mapping[field as ImportField] = column;
  }
  return mapping;
}

/** Columns the file must have: customer, date and amount always; currency and reference only when mapped explicitly. */
export function missingColumns(header: readonly string[], mapping: ImportMapping, explicit: readonly string[]): string[] {
  const needed = (['customer', 'date', 'amount'] as ImportField[]).map((f) => mapping[f]);
  for (const f of ['currency', 'reference'] as ImportField[]) if (explicit.includes(f)) needed.push(mapping[f]);
  return needed.filter((c) => !header.includes(c));
}

export interface ImportRow {
  customer: string;
  date: string;
  amountMinor: number;
  currency: string;
  reference: string | null;
}

/** Dates as exports write them: 2026-03-15, 2026-03-15 10:30[:00], 2026-03-15T10:30:00Z, 20260315, 12/1/2010 10:30 (M/D/Y). */
export function importDate(text: string): string | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: .*)?$/.exec(t);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (compact) [y, m, d] = [Number(compact[1]), Number(compact[2]), Number(compact[3])];
  else if (us) [y, m, d] = [Number(us[3]), Number(us[1]), Number(us[2])];
  else return null;
  const date = new Date(y, m - 1, d);
  if (date.getFullYear() !== y || date.getMonth() !== m - 1 || date.getDate() !== d) return null;
  return dateOf(y, m, d);
}

/** One CSV record as an order, or the one-line error naming the line and the field. */
export function importRow(record: Record<string, string | undefined>, line: number, mapping: ImportMapping, currency: string):
  { row: ImportRow } | { error: string } {
  const get = (f: ImportField) => (record[mapping[f]] ?? '').trim();
  const customer = get('customer');
  if (!customer) return { error: `line ${line}: customer (${mapping.customer}) is empty` };
  // A customer it cannot find becomes a new company or contact under this name (--create-customers).
  if (ONE_LINE.control.test(customer)) return { error: `line ${line}: customer (${mapping.customer}) "${visible(customer)}" ${ONE_LINE.message}` };
  const date = importDate(get('date'));
  if (!date) return { error: `line ${line}: date (${mapping.date}) "${get('date')}" is not a date; use YYYY-MM-DD` };
  try {
    const code = get('currency') ? parseCurrency(get('currency'), 'currency') : currency;
    const money = parseMoney(get('amount'), 'amount', code, { allowNegative: true });
    return { row: { customer, date, amountMinor: money.minor, currency: money.currency, reference: get('reference') || null } };
  } catch (e) {
    return { error: `line ${line}: ${(e as Error).message} (${mapping.amount})` };
  }
}
