import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Input } from '../../cli/action.js';
import type { Context } from '../../context.js';
import { type ImportRow, importRow, missingColumns, parseMapping } from '../../domain/order-import.js';
import { CrmError, invalid } from '../../errors.js';
import { readCsv, spool } from '../../io/csv.js';
import { progress } from '../../io/progress.js';
import { importView } from '../../output/views/order.js';
import { OrderImporter } from '../../store/order-import.js';

interface Flags {
  map?: string[];
  createCustomers?: 'company' | 'contact';
  dryRun?: boolean;
  currency?: string;
  delimiter: string;
}

const MAX_LISTED = 20;

/**
 * Two streaming passes over the file: the first validates every row (nothing is written if any is bad), the
 * second writes all of them in one transaction. Neither holds the rows in memory.
 */
export async function run({ args: [file], opts }: Input<Flags>, ctx: Context) {
  const mapping = parseMapping(opts.map);
  const explicit = (opts.map ?? []).map((m) => m.split('=')[0]!.trim());
  const delimiter = opts.delimiter === '\\t' || opts.delimiter === 'tab' ? '\t' : opts.delimiter;
  const currency = opts.currency === undefined ? ctx.currency : opts.currency.toUpperCase();
  const fromStdin = file === '-';
  const path = fromStdin ? await spool(ctx.streams.stdin) : resolve(file!);
  if (!existsSync(path) || statSync(path).isDirectory()) throw invalid('FILE', `${file} is not a readable file`, 'give a CSV file path, or - for standard input');
  try {
    const store = await ctx.store();
    const importer = new OrderImporter(store);
    const rows = async function* (): AsyncGenerator<{ row: ImportRow; line: number } | { error: string }> {
      let checked = false;
      for await (const { record, line } of readCsv(path, delimiter, (header) => {
        const missing = missingColumns(header, mapping, explicit);
        if (missing.length) {
          throw invalid('FILE', `has no column ${missing.map((c) => `"${c}"`).join(', ')} (columns: ${header.join(', ')})`,
            'name the columns with --map, e.g. --map customer=CustomerID --map date=InvoiceDate');
        }
        checked = true;
      })) {
        if (!checked) continue;
        const r = importRow(record, line, mapping, currency);
        yield 'row' in r ? { row: r.row, line } : r;
      }
    };

    // Pass 1: validate everything, match customers, count what would happen.
    const errors: string[] = [];
    let bad = 0;
    let total = 0;
    let duplicates = 0;
    const toCreate = new Set<string>();
    const meter = progress(ctx.streams.stderr, 'checking');
    for await (const r of rows()) {
      total += 1;
      meter.tick(total);
      let problem = 'error' in r ? r.error : null;
      if (!problem && 'row' in r) {
        const m = importer.match(r.row.customer);
        if (m === 'ambiguous') problem = `line ${r.line}: customer (${mapping.customer}) "${r.row.customer}" matches several customers; use their external id`;
        else if (m === undefined && !opts.createCustomers) {
          problem = `line ${r.line}: customer (${mapping.customer}) "${r.row.customer}" is not a known company or contact; pass --create-customers company|contact`;
        } else if (m === undefined) toCreate.add(r.row.customer);
        if (!problem && r.row.reference !== null && importer.referenceExists(r.row.reference)) duplicates += 1;
      }
      if (problem) {
        bad += 1;
        if (errors.length < MAX_LISTED) errors.push(problem);
      }
    }
    meter.done(total);
    if (bad > 0) {
      throw new CrmError('validation', `${bad} of ${total} rows are invalid; nothing was imported`, 'fix the rows listed above and import again',
        { errors, lines: errors });
    }
    const base = { file: fromStdin ? '-' : path, rows: total, duplicates, newCustomers: toCreate.size };
    if (opts.dryRun) return importView({ ...base, imported: 0, dryRun: true }, `dry run: ${total - duplicates} orders would be imported`);

    // Pass 2: write everything in one transaction.
    const meta = { at: ctx.now.toISOString(), actor: ctx.user };
    const result = await ctx.write(async (tx) => {
      const firstId = importer.lastOrderId() + 1;
      let imported = 0;
      let seen = 0;
      const writer = progress(ctx.streams.stderr, 'importing');
      for await (const r of rows()) {
        if (!('row' in r)) continue;
        let customer = importer.match(r.row.customer);
        if (customer === undefined) {
          customer = importer.createCustomer(opts.createCustomers!, r.row.customer, meta);
          await tx.journal!.record(customer.kind, customer.id, 'create', null, { id: customer.id, name: r.row.customer, externalId: r.row.customer });
        }
        if (customer !== 'ambiguous' && importer.insertOrder(r.row, customer, meta)) imported += 1;
        writer.tick(++seen);
      }
      writer.done(seen);
      const summary = { ...base, imported, skipped: total - imported, firstOrderId: imported ? firstId : null, lastOrderId: imported ? importer.lastOrderId() : null };
      // One journal entry for the orders (their id range), not a million.
      await tx.journal!.record('import', firstId, 'create', null, summary);
      return summary;
    });
    return importView({ ...result, dryRun: false }, `imported ${result.imported} orders${result.skipped ? ` (${result.skipped} already there)` : ''}`);
  } finally {
    if (fromStdin) rmSync(dirname(path), { recursive: true, force: true });
  }
}
