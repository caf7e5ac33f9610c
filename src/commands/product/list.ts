import type { Context } from '../../context.js';
import { check, listLimit } from '../../domain/check.js';
import { productJson } from '../../domain/product.js';
import { productList } from '../../output/views/product.js';
import type { ProductInput } from './spec.js';

export async function run({ opts }: ProductInput<'list'>, ctx: Context) {
  const store = await ctx.store();
  const products = await store.products.list({ search: opts.search?.trim() || undefined, limit: check(listLimit, opts.limit, '--limit') });
  return productList(products.map(productJson));
}
