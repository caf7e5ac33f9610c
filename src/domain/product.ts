import { ONE_LINE, rejected } from './check.js';
import { toMajor } from './money.js';
import { type Stamps, stampsJson } from './record.js';

/** A product code as codes are matched: ignoring case and surrounding spaces (Online Retail writes 85123A and 85123a). */
export const productKey = (code: string): string => code.trim().toLowerCase();

export interface ProductFields {
  code: string;
  name: string;
  priceMinor: number | null;
  currency: string | null;
}

export interface Product extends ProductFields, Stamps {
  id: number;
}

/** What `product show` adds: how much of it was sold (lines with a positive quantity) and returned. */
export interface ProductSales {
  orders: number;
  quantity: number;
  returned: number;
  customers: number;
  lastSold: string | null;
}

export function productJson(p: Product) {
  return {
    id: p.id, code: p.code, name: p.name,
    price: p.priceMinor === null || p.currency === null ? null : toMajor(p.priceMinor, p.currency), currency: p.currency,
    ...stampsJson(p),
  };
}
export type ProductJson = ReturnType<typeof productJson>;

/** A product code: one line of at most 64 characters without spaces at its ends; the error names `field`. */
export function productCode(text: string, field: string): string {
  const code = text.trim();
  if (code === '' || code.length > 64 || ONE_LINE.control.test(code)) {
    throw rejected(field, text, 'is not a product code; give up to 64 characters on one line, e.g. 85123A');
  }
  return code;
}

/** A product's name: one line of text. */
export function productName(text: string, field: string): string {
  const name = text.trim();
  if (name === '' || ONE_LINE.control.test(name)) throw rejected(field, text, 'is not a product name; give one line of text');
  return name;
}

/** An order line as `order show` and the reports read it. */
export interface OrderLine {
  orderId: number;
  position: number;
  product: { id: number; code: string; name: string };
  description: string | null;
  quantity: number;
  unitPriceMinor: number;
  amountMinor: number;
}
