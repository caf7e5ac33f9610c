import type { OrderJson, OrderSummary } from '../../domain/order.js';
import type { MoneyText } from '../money.js';
import { type Column, list, type Output, record } from '../view.js';

export const orderColumns: Column<OrderJson>[] = [
  { header: 'ID', key: 'id', value: (o) => o.id },
  { header: 'Date', key: 'date', value: (o) => o.date },
  { header: 'Customer', key: 'customer', value: (o) => (o.customer.id === null ? o.customer.name : `${o.customer.name} (${o.customer.kind} #${o.customer.id})`) },
  { header: 'Amount', key: 'amount', value: (o) => o.amount, type: 'money', currency: (o) => o.currency },
  { header: 'Reference', key: 'reference', value: (o) => o.reference },
  { header: 'Deal', key: 'deal', value: (o) => o.deal?.name },
];

export const orderList = (rows: OrderJson[]): Output => list(rows, orderColumns, 'no orders match');
export const orderView = (o: OrderJson, done?: string): Output => record(o, orderColumns, { done });

export const orderSummaryText = (s: OrderSummary, money: MoneyText): string => s.orders === 0 ? 'none'
  : `${s.orders} order${s.orders === 1 ? '' : 's'}, ${s.totals.map((t) => money(t.amount, t.currency)).join(' + ')}; first ${s.firstOrder}, last ${s.lastOrder}`;

export const importView = (r: Record<string, unknown>, done: string): Output => record(r, [
  { header: 'File', key: 'file', value: (x) => x.file },
  { header: 'Rows', key: 'rows', value: (x) => x.rows, type: 'count' },
  { header: 'Imported', key: 'imported', value: (x) => x.imported, type: 'count' },
  ...(r.lines === undefined ? [] : [{ header: 'Lines', key: 'lines', value: (x: Record<string, unknown>) => x.lines, type: 'count' as const },
    { header: 'New products', key: 'newProducts', value: (x: Record<string, unknown>) => x.newProducts ?? 0, type: 'count' as const }]),
  { header: 'Already there', key: 'duplicates', value: (x) => x.skipped ?? x.duplicates, type: 'count' },
  { header: 'New customers', key: 'newCustomers', value: (x) => x.newCustomers, type: 'count' },
  ...(r.withoutCustomer === undefined ? [] : [{ header: 'Without customer (skipped)', key: 'withoutCustomer', value: (x: Record<string, unknown>) => x.withoutCustomer, type: 'count' as const }]),
  { header: 'Dry run', key: 'dryRun', value: (x) => x.dryRun, type: 'bool' },
], { done });
