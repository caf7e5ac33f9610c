import { existsSync, rmSync, statSync } from 'node:fs';
import { importChecked, imported as importedNotice } from '../../output/views/notices.js';
import { dirname, resolve } from 'node:path';
import type { Input } from '../../cli/action.js';
import type { Context } from '../../context.js';
import { type ImportRow, importRow, missingColumns, parseMapping } from '../../domain/order-import.js';
import { CrmError, invalid } from '../../errors.js';
import { readCsv, spool } from '../../io/csv.js';
import { progress } from '../../io/progress.js';
import { importView } from '../../output/views/order.js';
import type { OrderImport } from '../../store/order-import.js';

interface Flags {
  map?: string[];
  createCustomers?: 'company' | 'contact';
  dryRun?: boolean;
  currency?: string;
  delimiter: string;
}

const MAX_LISTED = 20;

/**
 * One streaming pass in one transaction (rows never sit in memory); any bad row rolls everything back.
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

    // One pass inside one transaction: every row is checked and, while all are valid, written. The first bad row
    // stops the writing but not the checking, and the transaction is rolled back, so nothing is half-imported and
    // every error is reported. A dry run only checks.
    const errors: string[] = [];
    let bad = 0;
    let total = 0;
    let duplicates = 0;
    let imported = 0;
    const created = new Set<string>();
    const meter = progress(ctx.streams.stderr, opts.dryRun ? 'checking' : 'importing');
    const pass = async (importer: OrderImport, write: boolean) => {
      for await (const r of rows()) {
        total += 1;
        meter.tick(total);
        let problem = 'error' in r ? r.error : null;
        if (!problem && 'row' in r) {
          let customer = importer.match(r.row.customer);
          if (customer === 'ambiguous') {
            problem = `line ${r.line}: customer (${mapping.customer}) "${r.row.customer}" matches several customers; use their external id`;
          } else if (customer === undefined && !opts.createCustomers) {
            problem = `line ${r.line}: customer (${mapping.customer}) "${r.row.customer}" is not a known company or contact; pass --create-customers company|contact`;
          } else if (!write || bad > 0) {
            if (customer === undefined) created.add(r.row.customer);
            if (r.row.reference !== null && await importer.referenceExists(r.row.reference)) duplicates += 1;
          } else {
            if (customer === undefined) {
              customer = await importer.createCustomer(opts.createCustomers!, r.row.customer);
              created.add(r.row.customer);
            }
            if (await importer.insert(r.row, customer)) imported += 1;
            else duplicates += 1;
          }
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
    };
    const base = () => ({ file: file!, rows: total, duplicates, newCustomers: created.size });
    if (opts.dryRun) {
      await pass(await store.importOrders(), false);
      return importView({ ...base(), imported: 0, dryRun: true }, importChecked(total - duplicates));
    }
    const result = await ctx.write(async (tx) => {
      const importer = await tx.importOrders();
      await pass(importer, true);
      return importer.finish({ ...base(), imported, skipped: total - imported });
    });
    return importView({ ...result, dryRun: false }, importedNotice(result.imported, result.skipped));
  } finally {
    if (fromStdin) rmSync(dirname(path), { recursive: true, force: true });
  }
}
