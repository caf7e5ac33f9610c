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

/**
 * `orders` orders (default 1,000,000) of `customers` customers (default 100,000) over two years, deterministic. They
 * come from the process report clv's models describe (BG/NBD and Gamma-Gamma), so that clv and churn do their whole
 * work on them: each customer arrives on a day of the two years, buys at a rate of their own (Gamma across
 * customers), may stop after each purchase (a probability of their own, Beta across customers) and spends around a
 * mean of their own (Gamma-Gamma). Orders bought at random days by customers who never stop, as an earlier generator
 * made them, leave the purchase model nothing to fit: clv said so and forecast nothing, so its time left out the
 * forecasts. Of the repeat orders the process makes, `orders - customers` are kept at random (it makes ~13% more), and
 * 2% of those are returns; ids follow the days.
 */
export function syntheticOrders(out, { orders = 1_000_000, customers = 100_000 } = {}) {
  let a = 42;
  const rnd = () => { // mulberry32
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const open = () => 1 - rnd(); // (0, 1]: a logarithm's argument
  const normal = () => Math.sqrt(-2 * Math.log(open())) * Math.cos(2 * Math.PI * rnd());
  /** Gamma(shape, 1), Marsaglia and Tsang. */
  const gamma = (shape) => {
    if (shape < 1) return gamma(shape + 1) * open() ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x;
      let v;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      if (Math.log(open()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  // Weekly rates Gamma(r = 4, alpha = 12): a purchase every three weeks on average; dropout Beta(a = 1.2, b = 20).
  const days = 730;
  const day = new Int32Array(orders);
  const who = new Int32Array(orders);
  const repeatDay = [];
  const repeatWho = [];
  for (let c = 0; c < customers; c++) {
    day[c] = Math.floor(rnd() * days);
    who[c] = c;
    const perDay = gamma(4) / 12 / 7;
    const g = gamma(1.2);
    const stop = g / (g + gamma(20));
    for (let t = day[c]; rnd() >= stop;) {
      t += -Math.log(open()) / perDay;
      if (t >= days) break;
      repeatDay.push(Math.floor(t));
      repeatWho.push(c);
    }
  }
  const want = orders - customers;
  if (repeatDay.length < want) throw new Error(`the generator made ${repeatDay.length} repeat orders, fewer than the ${want} asked for`);
  for (let i = 0; i < want; i++) { // a partial shuffle keeps `want` of them at random
    const j = i + Math.floor(rnd() * (repeatDay.length - i));
    day[customers + i] = repeatDay[j];
    who[customers + i] = repeatWho[j];
    repeatDay[j] = repeatDay[i];
    repeatWho[j] = repeatWho[i];
  }
  const meanSpend = Float64Array.from({ length: customers }, () => (2_000 * gamma(6)) / gamma(4)); // cents
  const byDay = Int32Array.from({ length: orders }, (_, i) => i).sort((i, j) => day[i] - day[j] || i - j);
  const start = Date.UTC(2024, 0, 1);
  const rows = ['customer,date,amount,reference'];
  byDay.forEach((i, n) => {
    const cents = Math.max(5, Math.round((gamma(4) / 4) * meanSpend[who[i]]));
    // A first order is a purchase; 2% of the others are returns.
    const sign = i >= customers && rnd() < 0.02 ? -1 : 1;
    rows.push(`C${String(who[i] + 1).padStart(6, '0')},${new Date(start + day[i] * 86_400_000).toISOString().slice(0, 10)},${(sign * cents) / 100},S${n + 1}`);
  });
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
