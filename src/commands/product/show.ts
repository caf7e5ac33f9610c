import type { Context } from '../../context.js';
import { productJson } from '../../domain/product.js';
import { productView } from '../../output/views/product.js';
import { resolveProduct } from './shared.js';
import type { ProductInput } from './spec.js';

export async function run({ args: [ref] }: ProductInput<'show'>, ctx: Context) {
  const store = await ctx.store();
  const product = await resolveProduct(store, ref!);
  return productView({ ...productJson(product), sales: await store.products.sales(product.id) });
}
