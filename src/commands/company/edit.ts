import type { Context } from '../../context.js';
import { ownerOnRoster } from '../fields.js';
import { companyJson } from '../../domain/company.js';
import { nameKey } from '../../domain/reference.js';
import { conflict } from '../../errors.js';
import { companyView } from '../../output/views/company.js';
import { updated } from '../../output/views/notices.js';
import { givenOrPicked, pickRecord } from '../ask/pickers.js';
import { changesOf, stillAsSeen } from '../ask/questions.js';
import { companyChangeQuestions } from './ask.js';
import { companyFields } from './shared.js';
import type { CompanyInput } from './spec.js';

const USAGE = 'crm company edit COMPANY --name N --domain D --industry I --owner U ...';

export async function run({ args: [given], opts }: CompanyInput<'edit'>, ctx: Context) {
  await ownerOnRoster(ctx, opts.owner);
  const ref = await givenOrPicked(ctx, given, 'COMPANY', USAGE, pickRecord(ctx, ['company'], 'Company to edit (type to search)'));
  const { flags, seen } = await changesOf(ctx, opts, USAGE, async (store) => (await store.companies.get((await store.refs.resolve(ref, ['company'])).id))!,
    (company) => companyChangeQuestions(ctx, company));
  if (flags.owner !== opts.owner) await ownerOnRoster(ctx, flags.owner); // answered at a prompt
  const { currency } = (await ctx.shared()).values;
  const company = await ctx.write(async (tx) => {
    const { id } = await tx.refs.resolve(ref, ['company']);
    const before = (await tx.companies.get(id))!;
    stillAsSeen(seen, before, `company #${before.id} ${before.name}`);
    const fields = companyFields(flags, ctx, currency, before);
    if (nameKey(fields.name) !== nameKey(before.name) && !flags.allowDuplicate && (await tx.companies.findByNameKey(nameKey(fields.name))).length) {
      throw conflict(`--name: a company "${fields.name}" already exists`, 'choose another name, or pass --allow-duplicate');
    }
    return tx.companies.update(before, fields);
  });
  return companyView(companyJson(company), null, updated('company', company));
}
