import type { Context } from '../../context.js';
import { companyJson } from '../../domain/company.js';
import { check, checkAll, listLimit, tag } from '../../domain/check.js';
import { companyList } from '../../output/views/company.js';
import type { CompanyInput } from './spec.js';

export async function run({ opts }: CompanyInput<'list'>, ctx: Context) {
  const store = await ctx.store();
  const companies = await store.companies.list({
    tags: checkAll(tag, opts.tag, '--tag'),
    owner: opts.mine ? ctx.user : opts.owner,
    industry: opts.industry,
    search: opts.search,
    sort: opts.sort,
    desc: opts.desc,
    limit: check(listLimit, opts.limit, '--limit'),
  });
  return companyList(companies.map(companyJson));
}
