import type { Context } from '../../context.js';
import { parseCurrency, parseMoney } from '../../domain/money.js';
import { productCode, productJson, productName } from '../../domain/product.js';
import { conflict, invalid } from '../../errors.js';
import { productAdded, productView } from '../../output/views/product.js';
import type { ProductInput } from './spec.js';

export async function run({ args: [codeText], opts }: ProductInput<'add'>, ctx: Context) {
  const code = productCode(codeText!, 'CODE');
  if (opts.name === undefined) throw invalid('--name', 'a product needs a name', 'pass --name, e.g. --name "White hanging heart T-light holder"');
  const name = productName(opts.name, '--name');
  const currency = opts.currency === undefined ? (await ctx.shared()).values.currency : parseCurrency(opts.currency, '--currency');
  const price = opts.price === undefined ? null : parseMoney(opts.price, '--price', currency);
  const product = await ctx.write(async (tx) => {
    const existing = await tx.products.byCode(code);
    if (existing) throw conflict(`CODE: product #${existing.id} already has the code ${existing.code}`, 'codes are unique (ignoring case); use another');
    return tx.products.create({ code, name, priceMinor: price?.minor ?? null, currency: price?.currency ?? null });
  });
  return productView({ ...productJson(product) }, productAdded(product.id, product.code));
}
