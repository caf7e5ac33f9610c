import { dateOf } from './calendar.js';
import { ONE_LINE, visible } from './check.js';
import { parseCurrency, parseMoney } from './money.js';
import { FieldProblem, problemOf, type RowSchema } from './row-schema.js';

/** The fields an order import reads, each from the CSV column of its name unless `--map field=Column` says another. */
export const IMPORT_FIELDS = ['customer', 'date', 'amount', 'currency', 'reference'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

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

/**
 * Order rows: customer, date and amount always; currency (else `currency`, the default) and reference where the file
 * has them. One problem per row, the first found.
 */
/** As long as a name may be (fields.ts LIMITS.name): the key may become a new customer's name. */
const MAX_CUSTOMER = 200;

export function orderRows(currency: string): RowSchema<ImportField, ImportRow> {
  return {
    fields: IMPORT_FIELDS,
    required: ['customer', 'date', 'amount'],
    mapExamples: ['customer=CustomerID', 'date=InvoiceDate'],
    parse(cell) {
      const customer = cell('customer');
      if (!customer) return { problems: [new FieldProblem('customer', 'is empty')] };
      // A customer it cannot find becomes a new company or contact under this name (--create-customers).
      if (ONE_LINE.control.test(customer)) return { problems: [new FieldProblem('customer', `"${visible(customer)}" ${ONE_LINE.message}`)] };
      if (customer.length > MAX_CUSTOMER) return { problems: [new FieldProblem('customer', `is too long; keep a customer name or key to ${MAX_CUSTOMER} characters`)] };
      const date = importDate(cell('date'));
      if (!date) return { problems: [new FieldProblem('date', `"${visible(cell('date'))}" is not a date; use YYYY-MM-DD`)] };
      try {
        const code = cell('currency') ? parseCurrency(cell('currency'), 'currency') : currency;
        const money = parseMoney(cell('amount'), 'amount', code, { allowNegative: true });
        return { row: { customer, date, amountMinor: money.minor, currency: money.currency, reference: cell('reference') || null } };
      } catch (e) {
        // A bad currency is reported with the amount it qualifies (its message says "currency:").
        return { problems: [problemOf('amount', e)] };
      }
    },
  };
}
