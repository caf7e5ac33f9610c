import type { Context } from '../../context.js';
import { BUYING_ROLES, type Contact, LIFECYCLES } from '../../domain/contact.js';
import { check, email, name, owner } from '../../domain/fields.js';
import { pickRecord } from '../ask/pickers.js';
import { type Asked, oneOf, text } from '../ask/questions.js';
import type { ContactFlags, ContactInput } from './spec.js';

const company = (ctx: Context) => pickRecord(ctx, ['company'], 'Company (type to search)', { optional: true });
const role = oneOf('Buying role', BUYING_ROLES, { optional: true });
const ownerQ = (ctx: Context) => text('Owner', { default: ctx.user, check: (v) => check(owner, v, '--owner') });

/** Emails are a list; the guided add asks for the first one, the single answer becoming `--email`. */
export const newContactQuestions = (ctx: Context): Asked<ContactFlags & { firstEmail?: string }>[] => [
  ['name', text('Full name', { required: true, check: (v) => check(name, v, 'name') })],
  ['firstEmail', text('Email (optional)', { check: (v) => check(email, v, '--email') })],
  ['company', company(ctx)],
  ['title', text('Job title (optional)')],
  ['role', role],
  ['lifecycle', oneOf('Lifecycle', LIFECYCLES, { default: 'lead' })],
  ['owner', ownerQ(ctx)],
];

export const contactChangeQuestions = (ctx: Context, c: Contact): Asked<ContactInput<'edit'>['opts']>[] => [
  ['name', text('Full name', { required: true, check: (v) => check(name, v, '--name') }), c.name],
  ['title', text('Job title'), c.title ?? ''],
  ['company', company(ctx), c.companyId === null ? '' : `company:${c.companyId}`],
  ['role', role, c.role ?? ''],
  ['lifecycle', oneOf('Lifecycle', LIFECYCLES), c.lifecycle],
  ['owner', ownerQ(ctx), c.owner],
  ['notes', text('Notes'), c.notes ?? ''],
];
