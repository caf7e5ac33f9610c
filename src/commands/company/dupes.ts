import type { Context } from '../../context.js';
import { check, listLimit } from '../../domain/check.js';
import { companyDupes, MAX_GROUP } from '../../domain/duplicates.js';
import { dupesView } from '../../output/views/duplicates.js';
import type { CompanyInput } from './spec.js';

export async function run({ opts }: CompanyInput<'dupes'>, ctx: Context) {
  const limit = check(listLimit, opts.limit, '--limit');
  const store = await ctx.store();
  const companies = await store.companies.matchValues();
  const { pairs, crowded } = companyDupes(companies);
  return dupesView('company', {
    pairs: pairs.slice(0, limit), total: pairs.length, crowded, scanned: companies.names.ids.length, maxGroup: MAX_GROUP,
  });
}
