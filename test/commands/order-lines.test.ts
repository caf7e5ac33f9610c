import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

/**
 * test/fixtures/online-retail/excerpt.csv: the first 59 lines of UCI Online Retail (invoices 536365..536373 of four
 * customers) and every line of customer 17548 (C536391, 550755, C552049): 76 lines, 12 invoices, 66 product codes.
 * The invoice amounts below were summed independently (Python's Decimal: quantity x UnitPrice in pence).
 */
const LINES = ['--map', 'customer=CustomerID', '--map', 'date=InvoiceDate', '--map', 'reference=InvoiceNo', '--map', 'product=StockCode',
  '--map', 'description=Description', '--map', 'quantity=Quantity', '--map', 'price=UnitPrice', '--currency', 'GBP'];

function fixture(home: string) {
  const file = join(home, 'online-retail.csv');
  copyFileSync(join(__dirname, '../fixtures/online-retail/excerpt.csv'), file);
  return file;
}

describe('order import with invoice lines (Online Retail)', () => {
  it('imports rows sharing a reference as one invoice whose amount is the sum of its lines; cancellations are refunds', async () => {
    const s = sandbox();
    const file = fixture(s.home);
    const r = await s.run(['order', 'import', file, ...LINES, '--create-customers', 'company', '--json']);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 76, imported: 12, lines: 76, newProducts: 66, newCustomers: 5, duplicates: 0, skipped: 0 });
    const orders = await s.json(['order', 'list']);
    const byRef = Object.fromEntries(orders.map((o: any) => [o.reference, o]));
    expect(Object.keys(byRef)).toHaveLength(12);
    expect(byRef['536365']).toMatchObject({ date: '2010-12-01', amount: 139.12, currency: 'GBP', customer: { kind: 'company', name: '17850.0' } });
    expect(byRef['536370'].amount).toBe(855.86);
    expect(byRef['C536391'].amount).toBe(-141.48);
    expect(byRef['550755'].amount).toBe(103.3);
    expect(byRef['C552049'].amount).toBe(-103.3);
    // The rows themselves, read through a backup on either engine.
    const { tables } = JSON.parse((await s.run(['export', 'backup'])).stdout);
    expect(tables.order_line).toHaveLength(76);
    // The refund's lines name their products, with negative quantities.
    const refund = orders.find((o: any) => o.reference === 'C552049').id;
    const code = new Map(tables.product.map((p: any) => [p.id, p.code]));
    expect(tables.order_line.filter((l: any) => l.order_id === refund).sort((a: any, b: any) => a.position - b.position).slice(0, 2)
      .map((l: any) => [code.get(l.product_id), l.quantity, l.unit_price_minor, l.amount_minor]))
      .toEqual([['22926', -4, 595, -2380], ['22585', -24, 125, -3000]]);
    expect(await s.json(['product', 'show', '22926'])).toMatchObject({ code: '22926', name: 'IVORY GIANT GARDEN THERMOMETER', price: 5.95,
      currency: 'GBP', sales: { orders: 2, quantity: 4, returned: 4, customers: 1, lastSold: '2011-04-20' } });
  });

  it('changes nothing when the file is imported again, and a dry run counts invoices', async () => {
    const s = sandbox();
    const file = fixture(s.home);
    const dry = await s.json(['order', 'import', file, ...LINES, '--create-customers', 'company', '--dry-run']);
    expect(dry).toMatchObject({ rows: 76, imported: 12, duplicates: 0, dryRun: true });
    await s.json(['order', 'import', file, ...LINES, '--create-customers', 'company']);
    const before = await s.json(['order', 'list']);
    const again = await s.terminal(['order', 'import', file, ...LINES, '--create-customers', 'company']);
    expect(again.exitCode).toBe(0);
    expect(again.output).toContain('imported 0 orders with 0 lines (76 lines already there)');
    expect(await s.json(['order', 'list'])).toEqual(before);
    expect((await s.json(['product', 'list'])).length).toBe(66);
    expect(await s.json(['order', 'import', file, ...LINES, '--dry-run'])).toMatchObject({ imported: 0, duplicates: 76 });
  });

  it('names the line and the field of a bad quantity or price, and imports nothing', async () => {
    const s = sandbox();
    const input = 'InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID\n1,A,2,2026-01-02,1.5,X\n1,B,two,2026-01-02,1,X\n2,C,1,2026-01-02,1.2.3,X\n';
    const r = await s.run(['order', 'import', '-', ...LINES.slice(0, 8), ...LINES.slice(10), '--create-customers', 'company'], { input });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('line 3: quantity (Quantity) "two" is not a whole number; give the quantity, negative on a cancellation');
    expect(r.stderr).toContain('line 4: price (UnitPrice) "1.2.3" is not a unit price; write it like 2.55');
    expect(await s.json(['order', 'list'])).toEqual([]);
    expect(await s.json(['product', 'list'])).toEqual([]);
  });

  it('keeps orders without lines as they were', async () => {
    const s = sandbox();
    await s.run(['company', 'add', 'Acme']);
    expect(await s.json(['order', 'import', '-'], { input: 'customer,date,amount,reference\nAcme,2026-01-05,10,R1\n' }))
      .toMatchObject({ imported: 1, rows: 1 });
    expect((await s.json(['order', 'list']))[0]).toMatchObject({ amount: 10, reference: 'R1' });
  });
});

describe('crm report cross-sell on the Online Retail excerpt', () => {
  /*
   * Counted independently (Python over the CSV): 10 baskets (the 12 invoices less the two cancellations). At
   * --min-support 0.2 four pairs remain, each in 2 baskets of products each in 2 baskets: support 0.2, confidence
   * 2/2 = 1, lift 2 x 10 / (2 x 2) = 5 for all eight rules, so they are ordered by antecedent and consequent code.
   */
  it('lists rules with support, confidence and lift, and a customer\'s next products with the rule behind each', async () => {
    const s = sandbox();
    await s.json(['order', 'import', fixture(s.home), ...LINES, '--create-customers', 'company']);
    const r = await s.json(['report', 'cross-sell', '--min-support', '0.2', '--as-of', '2011-12-09']);
    expect(r).toMatchObject({ baskets: 10, minSupport: 0.2, minConfidence: 0.1 });
    expect(r.rules.map((x: any) => `${x.antecedent}->${x.consequent}`)).toEqual(['22632->22633', '22633->22632', '71053->84406B', '71053->85123A',
      '84406B->71053', '84406B->85123A', '85123A->71053', '85123A->84406B']);
    expect(r.rules[6]).toEqual({ antecedent: '85123A', consequent: '71053', antecedentName: 'WHITE HANGING HEART T-LIGHT HOLDER',
      consequentName: 'WHITE METAL LANTERN', support: 0.2, confidence: 1, lift: 5 });
    expect((await s.json(['report', 'cross-sell', '--as-of', '2011-12-09', '--top', '3'])).rules).toHaveLength(3);
    // A new customer who bought the heart only makes 11 baskets, the heart in 3: 85123A->71053 has support 2/11 = 0.181818,
    // confidence 2/3, lift 2 x 11 / (3 x 2) = 3.666667, score 2/3 x 11/3 = 22/9 = 2.444444; so has 85123A->84406B; the tie goes by code.
    await s.json(['order', 'import', '-', ...LINES, '--create-customers', 'company'],
      { input: 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID\nN1,85123a,,1,2011-06-01,2.55,Newbie\n' });
    const next = await s.json(['report', 'cross-sell', '--min-support', '0.15', '--customer', 'Newbie', '--as-of', '2011-12-09']);
    expect(next).toMatchObject({ baskets: 11, customer: { kind: 'company', name: 'Newbie' }, bought: 1 });
    expect(next.recommendations.map((x: any) => [x.product, x.score, x.rule.antecedent])).toEqual([['71053', 2.444444, '85123A'], ['84406B', 2.444444, '85123A']]);
    const bad = await s.run(['report', 'cross-sell', '--min-support', '2']);
    expect([bad.exitCode, bad.stderr]).toEqual([2, 'error: --min-support: "2" is not a share (give a fraction from 0 to 1, e.g. 0.02, or a percentage, e.g. 2%)\n']);
  });
});

describe('crm product', () => {
  it('adds, lists and shows products; a code is unique ignoring case', async () => {
    const s = sandbox();
    expect(await s.json(['product', 'add', 'WH-1', '--name', 'White heart', '--price', '2.55'])).toMatchObject({ id: 1, code: 'WH-1', price: 2.55, currency: 'USD' });
    const dup = await s.run(['product', 'add', 'wh-1', '--name', 'Other']);
    expect([dup.exitCode, dup.stderr]).toEqual([4, 'error: CODE: product #1 already has the code WH-1 (codes are unique (ignoring case); use another)\n']);
    const noName = await s.run(['product', 'add', 'X']);
    expect([noName.exitCode, noName.stderr.split(' (')[0]]).toEqual([2, 'error: --name: a product needs a name']);
    expect((await s.json(['product', 'list'])).map((p: any) => p.code)).toEqual(['WH-1']);
    expect(await s.json(['product', 'show', 'heart'])).toMatchObject({ code: 'WH-1', sales: { orders: 0, quantity: 0 } });
    // A search is plain text, whatever the engine's LIKE makes of % and _.
    expect(await s.json(['product', 'list', '--search', '%'])).toEqual([]);
    expect((await s.json(['product', 'list', '--search', 'H-'])).map((p: any) => p.code)).toEqual(['WH-1']);
    const missing = await s.run(['product', 'show', 'nothing']);
    expect(missing.exitCode).toBe(3);
  });
});
