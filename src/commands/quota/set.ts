import { quotaSet } from '../../output/views/notices.js';
import type { Context } from '../../context.js';
import { ownerOnRoster } from '../fields.js';
import { check, owner } from '../../domain/fields.js';
import { parsePeriodLabel } from '../../domain/fiscal.js';
import { parseCurrency, parseMoney, toMajor } from '../../domain/money.js';
import { quotaView } from '../../output/views/reports.js';
import type { QuotaInput } from './spec.js';

export async function run({ args: [who, period, amount], opts }: QuotaInput<'set'>, ctx: Context) {
  const name = check(owner, who, 'OWNER');
  await ownerOnRoster(ctx, name, 'OWNER');
  const shared = (await ctx.shared()).values;
  const p = parsePeriodLabel(period!, shared.fiscalYearStart, 'PERIOD');
  const currency = opts.currency === undefined ? shared.currency : parseCurrency(opts.currency, '--currency');
  const money = parseMoney(amount!, 'AMOUNT', currency);
  await ctx.write((tx) => tx.quotas.set({ owner: name, period: p.label, amountMinor: money.minor, currency: money.currency }));
  return quotaView({ owner: name, period: p.label, from: p.from, to: p.to, amount: toMajor(money.minor, money.currency), currency: money.currency },
    quotaSet(name, p.label, toMajor(money.minor, money.currency), money.currency, ctx.locale));
}
