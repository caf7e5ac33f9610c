import type { Context } from '../../context.js';
import { parsePeriodLabel } from '../../domain/fiscal.js';
import { toMajor } from '../../domain/money.js';
import { quotaList } from '../../output/views/reports.js';
import type { QuotaInput } from './spec.js';

export async function run({ opts }: QuotaInput<'list'>, ctx: Context) {
  const store = await ctx.store();
  const fy = (await ctx.shared()).values.fiscalYearStart;
  const quotas = await store.quotas.list({
    owner: opts.mine ? ctx.user : opts.owner,
    period: opts.period === undefined ? undefined : parsePeriodLabel(opts.period, fy, '--period').label,
  });
  return quotaList(quotas.map((q) => {
    const p = parsePeriodLabel(q.period, fy, 'period');
    return { owner: q.owner, period: q.period, from: p.from, to: p.to, amount: toMajor(q.amountMinor, q.currency), currency: q.currency };
  }));
}
