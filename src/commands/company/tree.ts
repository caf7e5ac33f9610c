import type { Context } from '../../context.js';
import { buildOrgChart } from '../../domain/orgchart.js';
import { orgChartView } from '../../output/views/orgchart.js';
import type { CompanyInput } from './spec.js';

export async function run({ args: [ref] }: CompanyInput<'tree'>, ctx: Context) {
  const store = await ctx.store();
  const { id, name } = await store.refs.resolve(ref!, ['company']);
  const people = await store.contacts.list({ companyId: id });
  return orgChartView({ id, name }, buildOrgChart(people));
}
