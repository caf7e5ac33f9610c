import { dateOf } from './calendar.js';
import { ONE_LINE, visible } from './check.js';
import { currencyDigits, parseCurrency, parseMoney } from './money.js';
import { FieldProblem, problemOf, type RowCheck, type RowSchema } from './row-schema.js';

/** The fields an order import reads, each from the CSV column of its name unless `--map field=Column` says another. */
export const IMPORT_FIELDS = ['customer', 'date', 'amount', 'currency', 'reference', 'product', 'description', 'quantity', 'price'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The fields of an invoice line: a file that maps `product` has them, and its rows are lines. */
export const LINE_FIELDS = ['product', 'quantity', 'price'] as const satisfies readonly ImportField[];

/** One invoice line: `product` is the product code (a new code becomes a product named by its description). */
export interface ImportLine {
  product: string;
  description: string | null;
  quantity: number;
  unitPriceMinor: number;
}

export interface ImportRow {
  customer: string;
  date: string;
  /** An order's amount; for a line, quantity x unit price (the invoice's amount is the sum of its lines). */
  amountMinor: number;
  currency: string;
  reference: string | null;
  /** Set when the file has lines: rows sharing a reference are the lines of one invoice. */
  line: ImportLine | null;
}

/** Whether `--map` flags make the import one of invoice lines (they map `product`). */
export const mapsLines = (maps: readonly string[] | undefined): boolean => (maps ?? []).some((m) => m.split('=')[0]!.trim() === 'product');

/**
 * A unit price in minor units. Price lists quote fractions of a cent (Online Retail has 0.001): those are rounded
 * half away from zero to the currency's minor unit, so a line's amount is always quantity x a whole minor-unit price.
 */
export function unitPrice(text: string, currency: string): number | null {
  const m = /^([-+])?(\d+)(?:\.(\d*))?$/.exec(text.trim().replaceAll(',', ''));
  if (!m) return null;
  const digits = currencyDigits(currency);
  const frac = (m[3] ?? '').padEnd(digits + 1, '0');
  let minor = Number(m[2]! + frac.slice(0, digits));
  if (Number(frac[digits]) >= 5) minor += 1;
  if (!Number.isSafeInteger(minor)) return null;
  return m[1] === '-' && minor !== 0 ? -minor : minor;
}

/** Dates as exports write them: 2026-03-15, 2026-03-15 10:30[:00], 2026-03-15T10:30:00Z, 20260315, 12/1/2010 10:30 (M/D/Y). */
export function importDate(text: string): string | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  // Each form is tried only when the one before did not match: a million rows are mostly the first.
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
  const compact = iso ? null : /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  const us = iso || compact ? null : /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: .*)?$/.exec(t);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (compact) [y, m, d] = [Number(compact[1]), Number(compact[2]), Number(compact[3])];
  else if (us) [y, m, d] = [Number(us[3]), Number(us[1]), Number(us[2])];
  else return null;
  const date = new Date(y, m - 1, d);
  if (date.getFullYear() !== y || date.getMonth() !== m - 1 || date.getDate() !== d) return null;
  return dateOf(y, m, d);
}

/**
 * Order rows: customer, date and amount always; currency (else `currency`, the default) and reference where the file
 * has them. One problem per row, the first found.
 */
/** As long as a name may be (fields.ts LIMITS.name): the key may become a new customer's name. */
const MAX_CUSTOMER = 200;

/**
 * With `withoutCustomer`, a row whose customer cell is empty (a guest purchase, as 135,080 lines of Online Retail
 * are) is not a problem: it reads as a row with customer '' that the import skips and counts.
 */
export function orderRows(currency: string, lines = false, withoutCustomer = false): RowSchema<ImportField, ImportRow> {
  return {
    fields: IMPORT_FIELDS,
    required: lines ? ['customer', 'date', ...LINE_FIELDS] : ['customer', 'date', 'amount'],
    mapExamples: ['customer=CustomerID', 'date=InvoiceDate'],
    parse(cell) {
      const customer = cell('customer');
      if (!customer && withoutCustomer) return { row: { customer: '', date: '', amountMinor: 0, currency, reference: null, line: null } };
      if (!customer) return { problems: [new FieldProblem('customer', 'is empty; pass --skip-no-customer to skip such rows (guest purchases)')] };
      // A customer it cannot find becomes a new company or contact under this name (--create-customers).
      if (ONE_LINE.control.test(customer)) return { problems: [new FieldProblem('customer', `"${visible(customer)}" ${ONE_LINE.message}`)] };
      if (customer.length > MAX_CUSTOMER) return { problems: [new FieldProblem('customer', `is too long; keep a customer name or key to ${MAX_CUSTOMER} characters`)] };
      const date = importDate(cell('date'));
      if (!date) return { problems: [new FieldProblem('date', `"${visible(cell('date'))}" is not a date; use YYYY-MM-DD`)] };
      try {
        const code = cell('currency') ? parseCurrency(cell('currency'), 'currency') : currency;
        if (lines) return lineRow(cell, customer, date, code);
        const money = parseMoney(cell('amount'), 'amount', code, { allowNegative: true });
        return { row: { customer, date, amountMinor: money.minor, currency: money.currency, reference: cell('reference') || null, line: null } };
      } catch (e) {
        // A bad currency is reported with the amount it qualifies (its message says "currency:").
        return { problems: [problemOf('amount', e)] };
      }
    },
  };
}

function lineRow(cell: (field: ImportField) => string, customer: string, date: string, currency: string): RowCheck<ImportField, ImportRow> {
  const product = cell('product');
  if (!product) return { problems: [new FieldProblem('product', 'is empty; give the product code of the line')] };
  if (ONE_LINE.control.test(product)) return { problems: [new FieldProblem('product', `"${visible(product)}" ${ONE_LINE.message}`)] };
  const q = cell('quantity');
  if (!/^[-+]?\d{1,9}$/.test(q)) return { problems: [new FieldProblem('quantity', `"${q}" is not a whole number; give the quantity, negative on a cancellation`)] };
  const unitPriceMinor = unitPrice(cell('price'), currency);
  if (unitPriceMinor === null) return { problems: [new FieldProblem('price', `"${cell('price')}" is not a unit price; write it like 2.55`)] };
  const quantity = Number(q) || 0;
  const description = cell('description');
  return { row: {
    customer, date, amountMinor: quantity * unitPriceMinor || 0, currency, reference: cell('reference') || null,
    line: { product, description: description && !ONE_LINE.control.test(description) ? description : null, quantity, unitPriceMinor },
  } };
}
