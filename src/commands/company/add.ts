import type { Context } from '../../context.js';
import { ownerOnRoster } from '../fields.js';
import { companyJson } from '../../domain/company.js';
import { nameKey } from '../../domain/reference.js';
import { conflict } from '../../errors.js';
import { companyView } from '../../output/views/company.js';
import { added } from '../../output/views/notices.js';
import { askMissing } from '../ask/questions.js';
import { newCompanyQuestions } from './ask.js';
import { companyFields } from './shared.js';
import type { CompanyFlags, CompanyInput } from './spec.js';

export async function run({ args: [name], opts }: CompanyInput<'add'>, ctx: Context) {
  await ownerOnRoster(ctx, opts.owner);
  let flags: CompanyFlags = { ...opts, name };
  if (name === undefined) {
    flags = await askMissing(await ctx.ask(['NAME'], 'crm company add NAME [--domain D] [--industry I]'), flags, newCompanyQuestions(ctx));
    if (flags.owner !== opts.owner) await ownerOnRoster(ctx, flags.owner); // answered at a prompt
  }
  const fields = companyFields(flags, ctx, (await ctx.shared()).values.currency);
  const company = await ctx.write(async (tx) => {
    const same = await tx.companies.findByNameKey(nameKey(fields.name));
    if (same.length && !opts.allowDuplicate) {
      throw conflict(`company "${fields.name}" already exists as #${same[0]!.id}`,
        'use that one, or pass --allow-duplicate to add a second company of that name');
    }
    return tx.companies.create(fields);
  });
  return companyView(companyJson(company), null, added('company', company));
}
