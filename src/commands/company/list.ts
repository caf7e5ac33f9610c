import type { Context } from '../../context.js';
import { companyJson } from '../../domain/company.js';
import { checkLimit, checkTags } from '../../domain/checks.js';
import { companyColumns } from '../../output/views/company.js';
import { list } from '../../output/view.js';
import type { CompanyInput } from './spec.js';

export async function run({ opts }: CompanyInput<'list'>, ctx: Context) {
  const store = await ctx.store();
  const companies = await store.companies.list({
    tags: checkTags(opts.tag, '--tag'),
    owner: opts.mine ? ctx.user : opts.owner,
    industry: opts.industry,
    search: opts.search,
    sort: opts.sort,
    desc: opts.desc,
    limit: checkLimit(opts.limit),
  });
  return list(companies.map(companyJson), companyColumns, 'no companies match');
}
