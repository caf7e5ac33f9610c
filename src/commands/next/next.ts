import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import type { Context } from '../../context.js';
import { analyseBaskets, recommend } from '../../domain/basket.js';
import { check, listLimit } from '../../domain/check.js';
import { isoDate, parseWhen } from '../../domain/dates.js';
import { owner as ownerRule } from '../../domain/fields.js';
import { type NextFacts, nextActions, rankActions } from '../../domain/next.js';
import { portfolioTable, TIERS } from '../../domain/portfolio.js';
import { nextView } from '../../output/views/next.js';
import { churnAt } from '../report/churn-data.js';
import { unreadValueTable } from '../report/customers.js';
import type { NextInput } from './spec.js';

/** How many of the slower kinds (at risk, cross-sell) are looked at: a day has room for a few. */
const FEW = 5;

export async function run({ opts }: NextInput, ctx: Context) {
  const who = opts.owner === undefined ? ctx.user : check(ownerRule, opts.owner, '--owner');
  const limit = check(listLimit, opts.limit, '--limit') ?? 15;
  const day = opts.date === undefined ? ctx.now : parseWhen(opts.date, ctx.now, '--date').at;
  const today = isoDate(day);
  const store = await ctx.store();
  const [followups, deals, owned, campaigns] = await Promise.all([
    store.followups.list({ owner: who, status: 'open', dueTo: today }), store.deals.list({ owner: who, status: 'open' }),
    store.owned.ids(who), store.campaigns.list(),
  ]);
  const ownedIds = [new Set(owned.companies), new Set(owned.contacts)];
  /** Whether the user owns the customer (kind 0 a company, 1 a person). */
  const mine = (kind: number, id: number) => ownedIds[kind]!.has(id);
  const facts: NextFacts = {
    today,
    followups: followups.map((f) => ({ id: f.id, title: f.title, dueDate: f.dueDate, priority: f.priority,
      about: f.deal?.name ?? f.contact?.name ?? f.company?.name ?? null })),
    deals: deals.map((d) => {
      const last = [d.stageChangedAt, d.lastActivityAt].filter((x): x is string => x !== null).sort().at(-1)!;
      return { id: d.id, title: d.title, amountMinor: d.amountMinor, currency: d.currency, stage: d.stage.name, expectedClose: d.expectedClose,
        nextStep: d.nextStep, idleDays: differenceInCalendarDays(day, new Date(last)), rottingDays: d.stage.rottingDays };
    }),
    atRisk: [], campaignMembers: [], crossSell: [],
  };
  if (owned.companies.length + owned.contacts.length > 0) {
    // Cross-sell's portfolio tiers are over every customer's whole history, read in churn's pass over the orders;
    // only where there are products to sell (the baskets are read after churn, out of its peak memory).
    const v = (await store.products.list({ limit: 1 })).length ? await unreadValueTable({ asOf: today }, ctx) : undefined;
    const churn = await churnAt(ctx, today, undefined, undefined, v ? [v.sums] : []);
    const risky = churn.order.filter((i) => churn.valueAtRisk[i]! > 0 && mine(churn.kind[i]!, churn.id[i]!)).slice(0, FEW).map(churn.row);
    const describe = risky.length ? await churn.names() : undefined;
    facts.atRisk = risky.map((r) => ({ ...describe!(r.key), valueAtRiskMinor: r.valueAtRisk, currency: churn.currency, why: r.reasons.join('; ') }));
    for (const c of campaigns.filter((x) => x.startsOn <= today && today <= x.endsOn)) {
      for (const m of await store.campaigns.members(c.id)) {
        if (m.group === 'treated' && m.touchedOn === null && mine(m.kind === 'company' ? 0 : 1, m.id)) {
          facts.campaignMembers.push({ campaign: c.name, channel: c.channel, kind: m.kind, id: m.id, name: m.name, endsOn: c.endsOn });
        }
      }
    }
    const baskets = v ? await store.products.baskets(today, null) : [];
    if (v && baskets.length) {
      // The portfolio's order (by value first) is the order good customers are taken in.
      const directory = await v.directory(true);
      const p = portfolioTable(v.table, v.table.scored(v.asOf), v.table.windowDays(v.asOf, v.since), directory, v.fx, 0, v.unconverted);
      const [mvc, mgc] = [TIERS.indexOf('MVC'), TIERS.indexOf('MGC')];
      const good: ReturnType<typeof directory.describe>[] = [];
      for (const i of p.order) {
        if (good.length === FEW) break;
        const [kind, id] = [p.columns.kind[i]!, p.columns.id[i]!];
        if ((p.tier[i] === mvc || p.tier[i] === mgc) && mine(kind, id)) good.push(directory.describe(kind, id));
      }
      if (good.length) {
        const names = await store.products.names();
        const code = (id: number) => names.get(id)?.code ?? String(id);
        const { rules } = analyseBaskets(baskets, 0.01, 0.1, code);
        for (const who2 of good) {
          const [best] = recommend(rules, await store.products.boughtBy(who2, today), code);
          if (best) {
            facts.crossSell.push({ kind: who2.kind, id: who2.id, name: who2.name, product: code(best.product), productName: names.get(best.product)?.name ?? '',
              because: code(best.rule.antecedent), confidence: best.rule.confidence, lift: best.rule.lift });
          }
        }
      }
    }
  }
  const actions = rankActions(nextActions(facts));
  return nextView({ owner: who, date: today, total: actions.length, actions: actions.slice(0, limit) });
}
