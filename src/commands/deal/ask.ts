import type { Context } from '../../context.js';
import { isoDate, parseWhen } from '../../domain/dates.js';
import type { Deal } from '../../domain/deal.js';
import { check, name, owner, percent } from '../../domain/fields.js';
import { parseCurrency, parseMoney, toMajor } from '../../domain/money.js';
import { formatMoney } from '../../output/money.js';
import { pickRecord, pickStage } from '../ask/pickers.js';
import { type Answers, type Asked, text } from '../ask/questions.js';
import type { DealFlags, DealInput } from './spec.js';

const currencyOf = (sofar: Answers, base: Deal | string) =>
  typeof sofar.currency === 'string' ? parseCurrency(sofar.currency, '--currency') : (typeof base === 'string' ? base : base.currency);

// A deal always has an amount: add takes an empty answer as 0, edit can change it but not clear it. `base` is the deal
// edited, or for a new one the team's currency.
const amount = (ctx: Context, base: Deal | string) => text('Amount', {
  required: typeof base !== 'string',
  check: (v, sofar) => parseMoney(v, '--amount', currencyOf(sofar, base)),
  preview: (v, sofar) => {
    const m = parseMoney(v, '--amount', currencyOf(sofar, base));
    return formatMoney(toMajor(m.minor, m.currency), m.currency, ctx.locale);
  },
});

const close = (ctx: Context) => text('Expected close (eom, +30d, 2026-06-30, ...)', {
  check: (v) => parseWhen(v, ctx.now, '--close'),
  preview: (v) => isoDate(parseWhen(v, ctx.now, '--close').at),
});

const ownerQ = (ctx: Context) => text('Owner', { default: ctx.user, check: (v) => check(owner, v, '--owner') });
const company = (ctx: Context) => pickRecord(ctx, ['company'], 'Company (type to search)', { optional: true });
const contact = (ctx: Context) => pickRecord(ctx, ['contact'], 'Main contact (type to search)', { optional: true });

/** What `crm deal add` asks for when the title is left out; defaults per product.md (first stage, you, config currency). */
export const newDealQuestions = (ctx: Context, currency: string): Asked<DealFlags>[] => [
  ['title', text('Title', { required: true, check: (v) => check(name, v, 'title') })],
  ['company', company(ctx)],
  ['contact', contact(ctx)],
  ['stage', pickStage(ctx, 'Stage')],
  ['currency', text('Currency', { default: currency, check: (v) => parseCurrency(v, '--currency') })],
  ['amount', amount(ctx, currency)],
  ['close', close(ctx)],
  ['owner', ownerQ(ctx)],
];

/** What `crm deal edit` offers, each with the deal's current value. */
export const dealChangeQuestions = (ctx: Context, d: Deal): Asked<DealInput<'edit'>['opts']>[] => [
  ['title', text('Title', { required: true, check: (v) => check(name, v, '--title') }), d.title],
  ['company', company(ctx), d.companyId === null ? '' : `company:${d.companyId}`],
  ['contact', contact(ctx), d.contactId === null ? '' : `contact:${d.contactId}`],
  ['amount', amount(ctx, d), String(toMajor(d.amountMinor, d.currency))],
  ['close', close(ctx), d.expectedClose ?? ''],
  ['probability', text("Probability % (empty: the stage's)", { check: (v) => check(percent, v, '--probability') }),
    d.probability === null ? '' : String(d.probability)],
  ['owner', ownerQ(ctx), d.owner],
  ['nextStep', text('Next step'), d.nextStep ?? ''],
];
