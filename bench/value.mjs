// Customer-value figures on published data (CDNOW, Online Retail), and the synthetic million orders. Called by bench/run.mjs.
import { createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import { run } from './lib.mjs';

/** Runs crm once: wall seconds, peak memory in MiB (null without GNU time), stdout. */
function measure(bin, args, env) {
  const r = run([process.execPath, bin, ...args], { env, memory: true });
  return { seconds: r.ms / 1000, rss: r.mib, stdout: r.stdout };
}

const mb = (x) => (x === null ? 'n/a' : `${x.toFixed(0)} MiB`);

/** Online Retail invoice lines -> one order per invoice (customer, date, amount = sum of quantity x price, reference). */
async function aggregateOnlineRetail(gz, out) {
  const invoices = new Map();
  const records = createReadStream(gz).pipe(createGunzip()).pipe(parse({ columns: true }));
  for await (const r of records) {
    if (!r.CustomerID) continue;
    const inv = invoices.get(r.InvoiceNo) ?? { customer: r.CustomerID.replace(/\.0$/, ''), date: r.InvoiceDate.slice(0, 10), cents: 0 };
    inv.cents += Math.round(Number(r.Quantity) * Number(r.UnitPrice) * 100);
    invoices.set(r.InvoiceNo, inv);
  }
  const rows = ['customer,date,amount,reference'];
  for (const [invoice, inv] of invoices) rows.push(`${inv.customer},${inv.date},${(inv.cents / 100).toFixed(2)},${invoice}`);
  writeFileSync(out, rows.join('\n') + '\n');
  return invoices.size;
}

/** Online Retail invoice lines that name a customer, as they are (crm order import reads them as invoices with lines). */
async function onlineRetailLines(gz, out) {
  const rows = ['InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID'];
  const q = (s) => (/[",]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const records = createReadStream(gz).pipe(createGunzip()).pipe(parse({ columns: true }));
  for await (const r of records) {
    if (r.CustomerID) rows.push([r.InvoiceNo, r.StockCode, r.Description, r.Quantity, r.InvoiceDate, r.UnitPrice, r.CustomerID].map(q).join(','));
  }
  writeFileSync(out, rows.join('\n') + '\n');
  return rows.length - 1;
}

/** `orders` orders (default 1,000,000) of `customers` customers (default 100,000) over two years, deterministic. */
export function syntheticOrders(out, { orders = 1_000_000, customers = 100_000 } = {}) {
  let a = 42;
  const rnd = () => { // mulberry32
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rows = ['customer,date,amount,reference'];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 1; i <= orders; i++) {
    // Every customer buys at least once; the rest skewed, so some buy a lot and many rarely.
    const customer = `C${String(i <= customers ? i : 1 + Math.floor(rnd() ** 2 * customers)).padStart(6, '0')}`;
    const date = new Date(start + Math.floor(rnd() * 730) * 86_400_000).toISOString().slice(0, 10);
    rows.push(`${customer},${date},${(rnd() < 0.02 ? -1 : 1) * (5 + Math.floor(rnd() * 50_000)) / 100},S${i}`);
  }
  writeFileSync(out, rows.join('\n') + '\n');
}

export async function valueBench({ bin, data, env, root }) {
  const results = [];
  const say = (s) => { results.push(s); console.log(s); };

  // CDNOW: the published model, fitted by crm report clv on the imported sample.
  const cdnowDb = join(data, 'cdnow.db');
  const csv = join(data, 'cdnow.csv');
  const lines = readFileSync(join(root, 'test/fixtures/CDNOW_sample.txt'), 'utf8').trim().split(/\r?\n/).map((l) => l.trim().split(/\s+/));
  writeFileSync(csv, ['customer,date,amount', ...lines.map((f) => `${f[0]},${f[2]},${f[4]}`)].join('\n'));
  measure(bin, ['order', 'import', csv, '--create-customers', 'contact', '--db', cdnowDb], env);
  const clvRuns = Array.from({ length: 5 }, () => measure(bin, ['report', 'clv', '--as-of', '1997-09-30', '--json', '--db', cdnowDb], env).seconds);
  say(`CDNOW report clv (import excluded, whole command incl. startup): median ${(clvRuns.sort()[2] * 1000).toFixed(0)} ms (goal: fit < 500 ms)`);

  // Online Retail, aggregated to invoices.
  const gz = process.env.BENCH_ONLINE_RETAIL ?? join(root, '..', 'shared', 'datasets', 'online-retail', 'online-retail.csv.gz');
  if (existsSync(gz)) {
    const inv = join(data, 'online-retail-invoices.csv');
    const n = await aggregateOnlineRetail(gz, inv);
    const db = join(data, 'online-retail.db');
    const imp = measure(bin, ['order', 'import', inv, '--create-customers', 'company', '--db', db, '--json'], env);
    say(`Online Retail: ${n.toLocaleString('en-US')} invoices imported in ${imp.seconds.toFixed(2)} s (${Math.round(n / imp.seconds).toLocaleString('en-US')}/s incl. startup), peak ${mb(imp.rss)}`);
    const rfm = measure(bin, ['report', 'rfm', '--as-of', '2011-12-09', '--json', '--db', db], env);
    const clvR = measure(bin, ['report', 'clv', '--as-of', '2011-12-09', '--json', '--db', db], env);
    const model = JSON.parse(clvR.stdout).model;
    say(`Online Retail: report rfm ${(rfm.seconds * 1000).toFixed(0)} ms, report clv ${(clvR.seconds * 1000).toFixed(0)} ms (r=${model.r.toFixed(3)} alpha=${model.alpha.toFixed(2)} a=${model.a.toFixed(3)} b=${model.b.toFixed(3)}), peak ${mb(Math.max(rfm.rss ?? 0, clvR.rss ?? 0))}`);
    // The same file as invoice lines: products, baskets, cross-sell (issue 18).
    const linesCsv = join(data, 'online-retail-lines.csv');
    const nLines = await onlineRetailLines(gz, linesCsv);
    const linesDb = join(data, 'online-retail-lines.db');
    const maps = ['customer=CustomerID', 'date=InvoiceDate', 'reference=InvoiceNo', 'product=StockCode', 'description=Description', 'quantity=Quantity', 'price=UnitPrice']
      .flatMap((m) => ['--map', m]);
    const limp = measure(bin, ['order', 'import', linesCsv, ...maps, '--currency', 'GBP', '--create-customers', 'company', '--db', linesDb, '--json'], env);
    const li = JSON.parse(limp.stdout);
    say(`Online Retail lines: ${nLines.toLocaleString('en-US')} lines as ${li.imported.toLocaleString('en-US')} invoices and ${li.newProducts.toLocaleString('en-US')} products in ${limp.seconds.toFixed(1)} s, peak ${mb(limp.rss)}`);
    const xs = measure(bin, ['report', 'cross-sell', '--as-of', '2011-12-09', '--json', '--db', linesDb], env);
    const top = JSON.parse(xs.stdout);
    say(`Online Retail: report cross-sell over ${top.baskets.toLocaleString('en-US')} baskets ${(xs.seconds * 1000).toFixed(0)} ms (${top.rules.length} rules shown; best ${top.rules[0]?.antecedent} -> ${top.rules[0]?.consequent}, lift ${top.rules[0]?.lift.toFixed(1)}), peak ${mb(xs.rss)}`);
  } else {
    say(`Online Retail: skipped (${gz} not found; set BENCH_ONLINE_RETAIL)`);
  }

  return results;
}
