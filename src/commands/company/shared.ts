import type { Context } from '../../context.js';
import type { Company, CompanyFields } from '../../domain/company.js';
import { check, domain, name } from '../../domain/fields.js';
import { ownerOf, sizeOf, tags, text, wallet } from '../fields.js';
import type { CompanyFlags } from './spec.js';

/** Company fields from flags: all of them for add, the changed ones on top of `base` for edit. */
export function companyFields(opts: CompanyFlags, ctx: Context, currency: string, base?: Company): CompanyFields {
  const d = opts.domain === undefined ? (base?.domain ?? null) : opts.domain.trim() === '' ? null : check(domain, opts.domain, '--domain');
  return {
    name: opts.name === undefined ? base!.name : check(name, opts.name, base ? '--name' : 'name'),
    domain: d,
    industry: text(opts.industry, base?.industry),
    size: sizeOf(opts.size, base?.size ?? null),
    address: text(opts.address, base?.address),
    wallet: wallet(opts, currency, base?.wallet ?? null),
    owner: ownerOf(opts, ctx, base?.owner),
    notes: text(opts.notes, base?.notes),
    externalId: text(opts.externalId, base?.externalId),
    tags: tags(opts, base?.tags ?? []),
  };
}
