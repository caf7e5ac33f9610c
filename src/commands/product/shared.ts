import type { Product } from '../../domain/product.js';
import { notFound, usageError } from '../../errors.js';
import type { Repos } from '../../store/store.js';

/** The product a reference names: its code (ignoring case), else the one product whose code or name contains it. */
export async function resolveProduct(repos: Repos, ref: string, field = 'PRODUCT'): Promise<Product> {
  const byCode = await repos.products.byCode(ref);
  if (byCode) return byCode;
  const found = ref.trim() === '' ? [] : await repos.products.byName(ref.trim());
  if (found.length === 1) return found[0]!;
  if (found.length === 0) throw notFound(`${field}: no product has the code or name "${ref}"`, 'see crm product list');
  throw usageError(`${field}: "${ref}" matches ${found.length > 20 ? 'more than 20' : found.length} products: ${found.slice(0, 5).map((p) => p.code).join(', ')}${found.length > 5 ? ', ...' : ''}`,
    'give the product code');
}
