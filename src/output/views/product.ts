import type { ProductJson, ProductSales } from '../../domain/product.js';
import { type Column, list, type Output, record } from '../view.js';

export const productColumns: Column<ProductJson>[] = [
  { header: 'ID', key: 'id', value: (p) => p.id },
  { header: 'Code', key: 'code', value: (p) => p.code },
  { header: 'Name', key: 'name', value: (p) => p.name },
  { header: 'Price', key: 'price', value: (p) => p.price, type: 'money', currency: (p) => p.currency },
];

const salesColumns: Column<ProductJson & { sales?: ProductSales }>[] = [
  { header: 'Orders', key: 'orders', value: (p) => p.sales?.orders, type: 'count' },
  { header: 'Sold', key: 'quantity', value: (p) => p.sales?.quantity, type: 'count' },
  { header: 'Returned', key: 'returned', value: (p) => p.sales?.returned, type: 'count' },
  { header: 'Customers', key: 'customers', value: (p) => p.sales?.customers, type: 'count' },
  { header: 'Last sold', key: 'lastSold', value: (p) => p.sales?.lastSold, type: 'date' },
];

export const productAdded = (id: number, code: string) => `added product #${id} ${code}`;
export const productList = (rows: ProductJson[]): Output => list(rows, productColumns, 'no products match');
export const productView = (p: ProductJson & { sales?: ProductSales }, done?: string): Output =>
  record(p, p.sales ? [...productColumns, ...salesColumns] : productColumns, { done });
