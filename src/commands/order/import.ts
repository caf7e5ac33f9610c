import { importChecked, imported as importedNotice } from '../../output/views/notices.js';
import type { Context } from '../../context.js';
import { parseCurrency } from '../../domain/money.js';
import { type ImportField, type ImportRow, mapsLines, orderRows } from '../../domain/order-import.js';
import { FieldProblem } from '../../domain/row-schema.js';
import { csvRecords, type ImportTarget, runImport } from '../../io/import/runner.js';
import { importView } from '../../output/views/order.js';
import type { CustomerRef, OrderImport } from '../../store/order-import.js';
import type { OrderInput } from './spec.js';

interface Summary {
  file: string;
  rows: number;
  duplicates: number;
  newCustomers: number;
  imported: number;
  /** With --skip-no-customer: the rows skipped for an empty customer cell. */
  withoutCustomer?: number;
  /** With line columns: the lines written, and the products they made. */
  lines?: number;
  newProducts?: number;
  skipped?: number;
  firstOrderId?: number | null;
  lastOrderId?: number | null;
  dryRun: boolean;
}

/** One streaming pass in one transaction (rows never sit in memory); any bad row rolls everything back. */
export async function run({ args: [file], opts }: OrderInput<'import'>, ctx: Context) {
  const delimiter = opts.delimiter === '\\t' || opts.delimiter === 'tab' ? '\t' : opts.delimiter;
  const currency = opts.currency === undefined ? (await ctx.shared()).values.currency : parseCurrency(opts.currency, '--currency');
  const dryRun = Boolean(opts.dryRun);
  const lines = mapsLines(opts.map);
  const guests = Boolean(opts.skipNoCustomer);
  const target = (imp: OrderImport) => orders(imp, file!, opts.createCustomers, dryRun, lines, guests);
  const result = await runImport<ImportField, ImportRow, CustomerRef | null, Summary>({
    file: file!, stdin: ctx.streams.stdin, schema: orderRows(currency, lines, guests), maps: opts.map, read: csvRecords(delimiter), dryRun,
    progress: ctx.streams.stderr,
    session: dryRun ? async (pass) => pass(target(await (await ctx.store()).importOrders()))
      : (pass) => ctx.write(async (tx) => pass(target(await tx.importOrders()))),
  });
  return importView({ ...result }, result.dryRun ? importChecked(lines ? result.imported : result.rows - result.duplicates)
    : importedNotice(result.imported, result.skipped!, result.lines));
}

/**
 * Each row's customer by external id, email or exact name (or a new one, with --create-customers); an order whose
 * reference is stored already is skipped, so importing twice changes nothing.
 */
function orders(imp: OrderImport, file: string, createAs: OrderInput<'import'>['opts']['createCustomers'], dryRun: boolean,
  lines: boolean, guests: boolean): ImportTarget<ImportRow, CustomerRef | null, Summary> {
  const created = new Set<string>();
  /** Rows skipped for an empty customer cell (--skip-no-customer). */
  let withoutCustomer = 0;
  let duplicates = 0;
  let imported = 0;
  let written = 0;
  // A dry run of lines counts invoices: each reference once, whether it is stored already or new.
  const seen = new Map<string, boolean>();
  const counted = (done: boolean | 'line') => {
    if (done === false) duplicates += 1;
    else {
      written += 1;
      if (done === true) imported += 1;
    }
  };
  const insert = (row: ImportRow, customer: CustomerRef, made = false): void | Promise<void> => {
    if (made) created.add(row.customer);
    const done = imp.insert(row, customer);
    return done instanceof Promise ? done.then(counted) : counted(done);
  };
  return {
    match(row) {
      if (row.customer === '') return null;
      const customer = imp.match(row.customer);
      if (customer === 'ambiguous') return new FieldProblem('customer', `"${row.customer}" matches several customers; use their external id`);
      if (customer === undefined && !createAs) {
        return new FieldProblem('customer', `"${row.customer}" is not a known company or contact; pass --create-customers company|contact`);
      }
      return customer ?? null;
    },
    async preview(row, customer) {
      if (row.customer === '') {
        withoutCustomer += 1;
        return;
      }
      if (customer === null) created.add(row.customer);
      if (lines && row.reference !== null) {
        let stored = seen.get(row.reference);
        if (stored === undefined) {
          stored = await imp.referenceExists(row.reference);
          seen.set(row.reference, stored);
          if (!stored) imported += 1;
        }
        if (stored) duplicates += 1;
        return;
      }
      if (row.reference !== null && await imp.referenceExists(row.reference)) duplicates += 1;
      else if (lines) imported += 1;
    },
    // Answers at once when the store does (SQLite): a promise per row is measurable over a million.
    write(row, known) {
      if (row.customer === '') {
        withoutCustomer += 1;
        return;
      }
      if (known !== null) return insert(row, known);
      const made = imp.createCustomer(createAs!, row.customer);
      if (made instanceof Promise) return made.then((customer) => insert(row, customer, true));
      return insert(row, made, true);
    },
    async finish(rows) {
      const base = { file, rows, duplicates, newCustomers: created.size, ...(guests ? { withoutCustomer } : {}) };
      if (dryRun) return { ...base, imported: lines ? imported : 0, dryRun: true };
      const counts = lines ? { imported, lines: written, skipped: duplicates } : { imported, skipped: rows - imported - withoutCustomer };
      return { ...await imp.finish({ ...base, ...counts }), dryRun: false };
    },
  };
}
