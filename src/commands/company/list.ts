import type { Input } from '../../cli/action.js';
import type { Context } from '../../context.js';
import { type CompanySort, companyJson } from '../../domain/company.js';
import { check, checkAll, listLimit, tag } from '../../domain/check.js';
import { companyList } from '../../output/views/company.js';

interface Flags {
  tag?: string[];
  owner?: string;
  mine?: boolean;
  industry?: string;
  search?: string;
  sort: CompanySort;
  desc?: boolean;
  limit?: string;
}

export async function run({ opts }: Input<Flags>, ctx: Context) {
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
