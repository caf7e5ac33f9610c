import type { Context } from '../../context.js';
import type { Company } from '../../domain/company.js';
import { check, count, domain, name, owner } from '../../domain/fields.js';
import { type Asked, text } from '../ask/questions.js';
import type { CompanyFlags, CompanyInput } from './spec.js';

const domainQ = text('Web domain (e.g. acme.example; optional)', { check: (v) => check(domain, v, '--domain') });
const ownerQ = (ctx: Context) => text('Owner', { default: ctx.user, check: (v) => check(owner, v, '--owner') });

export const newCompanyQuestions = (ctx: Context): Asked<CompanyFlags>[] => [
  ['name', text('Name', { required: true, check: (v) => check(name, v, 'name') })],
  ['domain', domainQ],
  ['industry', text('Industry (optional)')],
  ['owner', ownerQ(ctx)],
];

export const companyChangeQuestions = (ctx: Context, c: Company): Asked<CompanyInput<'edit'>['opts']>[] => [
  ['name', text('Name', { required: true, check: (v) => check(name, v, '--name') }), c.name],
  ['domain', domainQ, c.domain ?? ''],
  ['industry', text('Industry'), c.industry ?? ''],
  ['size', text('Employees', { check: (v) => check(count, v, '--size') }), c.size === null ? '' : String(c.size)],
  ['address', text('Address'), c.address ?? ''],
  ['owner', ownerQ(ctx), c.owner],
  ['notes', text('Notes'), c.notes ?? ''],
];
