import { addDays } from 'date-fns/addDays';
import { drawHoldout } from './campaign.js';
import { isoDate } from './dates.js';

/**
 * What the demo adds for issue 18: a product catalogue, lines on its orders (an order's lines add up to exactly its
 * amount, so every order total and every report on orders stays as it was), and two finished campaigns, one with a
 * holdout, so that cross-sell, campaign reports and churn show something on day one. Drawn from their own seeded
 * generators: the rest of the demo is the same as without them.
 */

export interface DemoProduct { code: string; name: string; priceMinor: number }
export interface DemoLine { product: number; quantity: number; unitPriceMinor: number }
export interface DemoCampaignMember { contact: number; group: 'treated' | 'holdout'; touchedOn: string | null; respondedOn: string | null; outcome: string | null }
export interface DemoCampaign {
  name: string; channel: string; budgetMinor: number; costMinor: number | null; startsOn: string; endsOn: string; owner: string; excluded: number;
  members: DemoCampaignMember[];
}

/** Families of products bought together: a basket draws mostly from one family. */
const FAMILIES: [string, string, number][][] = [
  [['LIC-BAS', 'Licence Basic', 490], ['LIC-PRO', 'Licence Pro', 1290], ['ONB-STD', 'Onboarding', 900], ['TRN-DAY', 'Training day', 1500]],
  [['SUP-SLV', 'Support Silver', 300], ['SUP-GLD', 'Support Gold', 800], ['SLA-24', '24/7 SLA add-on', 450]],
  [['HW-KIT', 'Hardware kit', 2200], ['HW-SNS', 'Sensor pack', 350], ['HW-INS', 'Installation', 600], ['HW-WAR', 'Extended warranty', 250]],
  [['API-ACC', 'API access', 700], ['INT-CRM', 'CRM connector', 400], ['INT-ERP', 'ERP connector', 650]],
  [['CON-HR', 'Consulting hour', 180], ['AUD-SEC', 'Security audit', 2600], ['RPT-CUS', 'Custom report', 520]],
];

export const demoProducts = (): DemoProduct[] => FAMILIES.flat().map(([code, name, price]) => ({ code, name, priceMinor: price * 100 }));

interface Rng { next(): number; int(lo: number, hi: number): number; pick<T>(xs: readonly T[]): T; chance(p: number): boolean }

/**
 * Lines of one order of `amountMinor` (> 0): one to four products, mostly of one family; list prices and quantities
 * except the last line, which takes what is left (quantity 1), so the lines add up to the amount exactly.
 */
export function demoLines(r: Rng, amountMinor: number): DemoLine[] {
  const starts: number[] = [];
  let k = 0;
  for (const f of FAMILIES) {
    starts.push(k);
    k += f.length;
  }
  const family = r.int(0, FAMILIES.length - 1);
  const pool = FAMILIES[family]!.map((_, i) => starts[family]! + i);
  const want = Math.min(pool.length, r.int(1, 4));
  const chosen: number[] = [];
  while (chosen.length < want) {
    const p = r.pick(pool);
    if (!chosen.includes(p)) chosen.push(p);
  }
  // Now and then one product from another family: the rules that cross families are weaker.
  if (r.chance(0.2)) {
    const other = r.int(0, k - 1);
    if (!chosen.includes(other)) chosen.push(other);
  }
  const products = demoProducts();
  const lines: DemoLine[] = [];
  let left = amountMinor;
  for (let i = 0; i < chosen.length - 1; i++) {
    const price = products[chosen[i]!]!.priceMinor;
    const quantity = Math.floor((left / (chosen.length - i)) / price);
    if (quantity < 1) continue;
    lines.push({ product: chosen[i]!, quantity, unitPriceMinor: price });
    left -= quantity * price;
  }
  lines.push({ product: chosen.at(-1)!, quantity: 1, unitPriceMinor: left });
  return lines;
}

/**
 * Two finished campaigns among the contacts, one contact a customer: a win-back email with a 20% holdout and an
 * event without one. Opted-out and do-not-contact contacts are never members, and are counted. `bought(i, from, to)`
 * says whether contact i's customer ordered in a window (null at scale, where the orders are not read twice): the
 * demo keeps fewer such buyers in the win-back's holdout than among its treated, so that it shows what a campaign
 * that worked looks like (lift, incremental revenue, ROI); real campaigns get no such help.
 */
export function demoCampaigns(r: Rng, contacts: readonly { consent: string; doNotContact: boolean; owner: string; company: number | null }[], today: Date,
  bought: ((i: number, from: string, to: string) => boolean) | null): DemoCampaign[] {
  const day = (offset: number) => isoDate(addDays(today, offset));
  const outcomes = ['booked a demo', 'asked for a quote', 'registered', 'replied'];
  const make = (name: string, channel: string, budget: number, start: number, end: number, share: number, rates: [number, number], seed: number,
    pick: (i: number) => boolean, keep: [number, number]): DemoCampaign => {
    const seen = new Set<number>();
    const pool = contacts.map((c, i) => ({ c, i })).filter(({ c, i }) => {
      if (!pick(i) || (c.company !== null && seen.has(c.company))) return false;
      if (c.company !== null) seen.add(c.company);
      return true;
    });
    const blocked = pool.filter(({ c }) => c.consent === 'opted-out' || c.doNotContact).length;
    const drawn = drawHoldout(pool.filter(({ c }) => c.consent !== 'opted-out' && !c.doNotContact).map(({ i }) => ({ kind: 'contact' as const, id: i })), share, seed);
    const from = day(start);
    const to = day(end + 30);
    const kept = drawn.filter((m) => !bought || !bought(m.id, from, to) || r.chance(m.group === 'treated' ? keep[0] : keep[1]));
    return {
      name, channel, budgetMinor: budget * 100, costMinor: null, startsOn: from, endsOn: day(end), owner: contacts[0]?.owner ?? 'alex', excluded: blocked,
      members: kept.map((m) => {
        const responds = r.chance(m.group === 'treated' ? rates[0] : rates[1]);
        return { contact: m.id, group: m.group, touchedOn: m.group === 'treated' ? day(start + r.int(0, 2)) : null,
          respondedOn: responds ? day(start + r.int(2, end - start)) : null, outcome: responds ? r.pick(outcomes) : null };
      }),
    };
  };
  return [
    make('Winter win-back', 'email', 25_000, -120, -90, 0.3, [0.3, 0.1], 2026, () => true, [1, 0.3]),
    make('Partner day', 'event', 4000, -200, -199, 0, [0.4, 0], 7, (i) => i % 3 === 1, [1, 1]),
  ];
}
