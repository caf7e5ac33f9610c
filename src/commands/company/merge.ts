import type { Context } from '../../context.js';
import { companyJson, mergeCompanyFields } from '../../domain/company.js';
import { usageError } from '../../errors.js';
import { companyView } from '../../output/views/company.js';
import { companyMerged, mergeQuestion } from '../../output/views/notices.js';
import { reload } from '../reload.js';
import type { CompanyInput } from './spec.js';

export async function run({ args: [keepRef, dupRef] }: CompanyInput<'merge'>, ctx: Context) {
  const store = await ctx.store();
  const keepRec = await store.refs.resolve(keepRef!, ['company']);
  const dupRec = await store.refs.resolve(dupRef!, ['company']);
  if (keepRec.id === dupRec.id) throw usageError(`KEEP and DUP are the same company (#${keepRec.id})`, 'name two different companies');
  await (await ctx.prompter()).confirm(...mergeQuestion('company', keepRec, dupRec));
  const { company, moved } = await ctx.write(async (tx) => {
    const keep = await reload((id) => tx.companies.get(id), 'company', keepRec);
    const dup = await reload((id) => tx.companies.get(id), 'company', dupRec);
    // Everything that was DUP's becomes KEEP's (people, deals, activities, follow-ups, orders) inside the store.
    return tx.companies.merge(keep, dup, mergeCompanyFields(keep, dup));
  });
  return companyView({ ...companyJson(company), mergedFrom: { id: dupRec.id, name: dupRec.name }, moved }, null,
    companyMerged(keepRec, dupRec, moved));
}
