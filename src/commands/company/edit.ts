import type { Input } from '../../cli/action.js';
import type { Context } from '../../context.js';
import { companyJson } from '../../domain/company.js';
import { companyView } from '../../output/views/company.js';
import { updated } from '../../output/views/notices.js';
import { type CompanyFlags, companyFields } from './shared.js';

export async function run({ args: [ref], opts }: Input<CompanyFlags>, ctx: Context) {
  const company = await ctx.write(async (tx) => {
    const { id } = await tx.refs.resolve(ref!, ['company']);
    const before = (await tx.companies.get(id))!;
    return tx.companies.update(before, companyFields(opts, ctx, before));
  });
  return companyView(companyJson(company), null, updated('company', company));
}
