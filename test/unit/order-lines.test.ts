import { describe, expect, it } from 'vitest';
import { mapsLines, orderRows, unitPrice } from '../../src/domain/order-import.js';

describe('unit prices of invoice lines', () => {
  it('are minor units, fractions of a cent rounded half away from zero', () => {
    expect(unitPrice('2.55', 'GBP')).toBe(255);
    expect(unitPrice('0.001', 'GBP')).toBe(0);
    expect(unitPrice('0.005', 'GBP')).toBe(1);
    expect(unitPrice('-11062.06', 'GBP')).toBe(-1106206);
    expect(unitPrice('1,250', 'JPY')).toBe(1250);
    expect(unitPrice('12.5', 'JPY')).toBe(13);
    expect(unitPrice('abc', 'GBP')).toBeNull();
  });

  it('make a line whose amount is quantity x unit price', () => {
    const cells: Record<string, string> = { customer: 'X', date: '2010-12-01 08:26:00', product: '85123A', description: 'HEART', quantity: '-6', price: '2.55', reference: 'C1' };
    expect(orderRows('GBP', true).parse((f) => cells[f] ?? '')).toEqual({ row: { customer: 'X', date: '2010-12-01', amountMinor: -1530, currency: 'GBP',
      reference: 'C1', line: { product: '85123A', description: 'HEART', quantity: -6, unitPriceMinor: 255 } } });
    expect(mapsLines(['product=StockCode'])).toBe(true);
    expect(mapsLines(['customer=CustomerID'])).toBe(false);
  });
});
