import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { dayNumber, localDate } from './calendar.js';
import { isoDate } from './dates.js';
import { type DemoCampaign, demoCampaigns, type DemoLine, demoLines, type DemoProduct, demoProducts } from './demo-act.js';
import { countIn } from './fields.js';
import { periodsFrom } from './fiscal.js';

/**
 * A realistic, deterministic demo data set: the same seed and "now" give the same data. Records refer to each
 * other by 0-based index (the bulk loader turns index i into id i + 1 in a fresh database). Orders are yielded
 * lazily so that a million of them never sit in memory at once.
 */
/** --scale: contacts to generate, from a handful to the 100,000 the benchmarks use. */
export const MAX_SCALE = 100_000;
export const demoScale = countIn(10, MAX_SCALE, `give a number of contacts from 10 to ${MAX_SCALE.toLocaleString('en-US')}`);

export interface DemoPlan {
  now: Date;
  seed: number;
  /** Contacts to create; null for the small hand-sized demo. */
  scale: number | null;
  currency: string;
  /** First month of the fiscal year (1 = January): quotas are set for the fiscal quarters reports show. */
  fyStart?: number;
}

export interface DemoCompany { name: string; domain: string; industry: string; size: number; address: string; walletMinor: number; owner: string; tags: string[]; notes: string | null }
export interface DemoContact { name: string; email: string; phone: string; title: string; company: number | null; role: string | null; reportsTo: number | null; source: string; lifecycle: string; consent: string; doNotContact: boolean; owner: string; tags: string[] }
export interface DemoDeal { title: string; amountMinor: number; company: number | null; contact: number | null; owner: string; source: string; nextStep: string | null; createdAt: string; expectedClose: string; history: { stage: string; at: string }[]; closedOn: string | null; lostReason: string | null; probability: number | null }
export interface DemoActivity { type: string; at: string; summary: string; outcome: string | null; direction: string | null; satisfaction: number | null; contact: number | null; company: number | null; deal: number | null; by: string }
export interface DemoFollowup { title: string; dueDate: string; dueTime: string | null; owner: string; priority: string; status: string; doneAt: string | null; repeatEvery: number | null; repeatUnit: string | null; contact: number | null; company: number | null; deal: number | null }
export interface DemoOrder { company: number | null; contact: number | null; orderedOn: string; amountMinor: number; reference: string; deal: number | null; lines?: DemoLine[] }
export interface DemoQuota { owner: string; period: string; amountMinor: number }

export interface DemoData {
  currency: string;
  companies: DemoCompany[];
  contacts: DemoContact[];
  deals: DemoDeal[];
  activities: DemoActivity[];
  followups: DemoFollowup[];
  orders: () => Iterable<DemoOrder>;
  orderCount: number;
  quotas: DemoQuota[];
  /** Issue 18: the products the orders' lines sell, and finished campaigns (contacts by index). */
  products?: DemoProduct[];
  campaigns?: DemoCampaign[];
  /** The stable UUIDs of the demo's records, drawn from the seed: the same demo has the same UUIDs. */
  uuid: () => string;
}

export const DEMO_OWNERS = ['alex', 'sam', 'jordan'];

const FIRST = ['Anna', 'Ben', 'Chloé', 'David', 'Elif', 'Felix', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kofi', 'Lena', 'Marco',
  'Nadia', 'Omar', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tanvi', 'Uma', 'Victor', 'Wei', 'Ximena', 'Yusuf', 'Zoe', 'Li Na',
  'Zhang Wei', 'Sakura', 'Mateus', 'Olga', 'Pablo', 'Aisha', 'Björn', 'Camille', 'Dmitri'];
const LAST = ['Müller', 'Schmidt', 'García', 'Rossi', 'Dubois', 'Nowak', 'Jensen', 'Tanaka', 'Kim', 'Silva', 'Okafor',
  'Smith', 'Johansson', 'Novak', 'Haddad', 'Patel', 'Cohen', 'Larsen', 'Moreau', 'Fischer', 'Kowalski', 'Yilmaz', '王', '李'];
const PREFIX = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Soylent', 'Tyrell', 'Cyberdyne',
  'Wonka', 'Gringotts', 'Monarch', 'Aperture', 'Oscorp', 'Massive', 'Nakatomi', 'Pied Piper', 'Dunder', 'Virtucon', 'Zorg'];
const SUFFIX = ['GmbH', 'Inc', 'Ltd', 'AG', 'SA', 'BV', 'KK', 'Group', 'Systems', 'Labs', 'Industries', 'Logistics'];
const INDUSTRIES = ['Manufacturing', 'Software', 'Retail', 'Logistics', 'Healthcare', 'Energy', 'Finance', 'Education'];
const CITIES = ['Berlin', 'Munich', 'Paris', 'Lyon', 'Madrid', 'Milan', 'Vienna', 'Zurich', 'Amsterdam', 'Warsaw', 'Osaka', 'Austin'];
const TITLES: [string, string | null][] = [['CEO', 'decision-maker'], ['CFO', 'buyer'], ['Head of IT', 'champion'],
  ['Procurement Manager', 'buyer'], ['Operations Lead', 'influencer'], ['Engineer', 'user'], ['Office Manager', 'gatekeeper'], ['Analyst', 'user']];
const SOURCES = ['referral', 'website', 'trade-fair', 'cold-call', 'partner', 'webinar'];
const PRODUCTS = ['rollout', 'renewal', 'expansion', 'pilot', 'support contract', 'migration', 'training', 'upgrade'];
const CALL_NOTES = ['Discussed requirements', 'Pricing questions', 'Follow-up on proposal', 'Quarterly check-in',
  'Onboarding review', 'Complaint about delivery', 'Introduced new contact', 'Negotiated terms'];
const OUTCOMES = ['interested', 'needs time', 'asked for proposal', 'no answer', 'positive', 'escalated'];
const FOLLOWUP_TITLES = ['Send proposal', 'Call back', 'Send contract', 'Book demo', 'Check invoice', 'Quarterly review',
  'Introduce product team', 'Confirm delivery date'];
const LOST_REASONS = ['price', 'competitor', 'timing', 'no-budget', 'no-decision'];
const OPEN_STAGES = ['Lead', 'Qualified', 'Proposal', 'Negotiation'];

/** Two hex digits of every byte, and one of every nibble: a million orders' UUIDs spelled without toString(16). */
const HEX2 = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const HEX1 = HEX2.slice(0, 16).map((h) => h[1]!);

/** Version-4 UUIDs from a seeded generator: random-looking and unique enough for a demo, and the same every run. */
export function seededUuids(next: () => number): () => string {
  const draw = (bits: number) => Math.floor(next() * 2 ** bits);
  const hex12 = (v: number) => HEX1[v >>> 8]! + HEX2[v & 255]!;
  const hex24 = (v: number) => HEX2[v >>> 16]! + HEX2[(v >>> 8) & 255]! + HEX2[v & 255]!;
  return () => {
    // Drawn in the order they always were (the variant first), so the same seed keeps giving the same UUIDs.
    const variant = HEX1[8 + Math.floor(next() * 4)]!;
    const a = draw(32);
    const b = draw(16);
    const c = draw(12);
    const d = draw(12);
    const e = draw(24);
    const f = draw(24);
    return `${HEX2[a >>> 24]}${hex24(a & 0xffffff)}-${HEX2[b >>> 8]}${HEX2[b & 255]}-4${hex12(c)}-${variant}${hex12(d)}-${hex24(e)}${hex24(f)}`;
  };
}

/** mulberry32: a tiny, well-distributed PRNG, so the demo needs no dependency and is the same everywhere. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}

const slug = (s: string) => s.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().toLowerCase().replace(/\s+/g, '-');
/** The slugs of the first and last names, worked out once: 100,000 contacts' emails spelled them 200,000 times (0.18 s). */
const FIRST_SLUG = new Map(FIRST.map((n) => [n, slug(n)]));
const LAST_SLUG = new Map(LAST.map((n) => [n, slug(n)]));
const at = (d: Date, hour: number, minute = 0) => new Date(d.getFullYear(), d.getMonth(), d.getDate(), hour, minute).toISOString();
/** A weekend day moved to the nearest working day on the given side: back to Friday (-1) or on to Monday (+1). */
const workday = (d: Date, side: -1 | 1) => {
  const w = d.getDay();
  return w === 6 ? addDays(d, side < 0 ? -1 : 2) : w === 0 ? addDays(d, side < 0 ? -2 : 1) : d;
};

export function demoData(plan: DemoPlan): DemoData {
  const r = random(plan.seed);
  const big = plan.scale !== null;
  const nContacts = plan.scale ?? 60;
  const nCompanies = big ? Math.max(1, Math.round(nContacts / 5)) : 12;
  const today = new Date(plan.now.getFullYear(), plan.now.getMonth(), plan.now.getDate());
  const money = (lo: number, hi: number) => r.int(lo, hi) * 100;

  const companies: DemoCompany[] = [];
  for (let i = 0; i < nCompanies; i++) {
    const base = `${PREFIX[i % PREFIX.length]} ${r.pick(SUFFIX)}`;
    const name = i < PREFIX.length ? base : `${base} ${Math.floor(i / PREFIX.length) + 1}`;
    companies.push({
      name, domain: `${slug(name).replace(/-(gmbh|inc|ltd|ag|sa|bv|kk)$/, '')}.example`, industry: r.pick(INDUSTRIES),
      size: r.pick([8, 25, 60, 140, 400, 1200, 5000]), address: `${r.int(1, 200)} Main Street, ${r.pick(CITIES)}`,
      walletMinor: money(20_000, 900_000), owner: DEMO_OWNERS[i % DEMO_OWNERS.length]!,
      tags: r.chance(0.25) ? ['key-account'] : r.chance(0.2) ? ['partner'] : [], notes: r.chance(0.3) ? 'Prefers email over calls' : null,
    });
  }

  // Org charts: the first person of a company is the boss, the next ones report to the boss or to the second.
  const contacts: DemoContact[] = [];
  const staffOf: number[][] = companies.map(() => []);
  const b2c = big ? Math.round(nContacts * 0.1) : 20;
  for (let i = 0; i < nContacts; i++) {
    const company = i < nContacts - b2c ? i % nCompanies : null;
    const first = FIRST[(i * 7 + plan.seed) % FIRST.length]!;
    const last = LAST[(i * 11 + 3) % LAST.length]!;
    const name = big ? `${first} ${last} ${i + 1}` : `${first} ${last}`;
    const rank = company === null ? -1 : staffOf[company]!.length;
    const [title, role] = company === null ? ['Private customer', null] as [string, null] : TITLES[Math.min(rank, TITLES.length - 1)]!;
    const boss = company === null || rank === 0 ? null : rank <= 2 ? staffOf[company]![0]! : staffOf[company]![r.int(0, Math.min(2, rank - 1))]!;
    const domain = company === null ? 'mail.example' : companies[company]!.domain;
    contacts.push({
      name, email: `${FIRST_SLUG.get(first)}.${LAST_SLUG.get(last) || 'x'}${big ? i + 1 : ''}@${domain}`, phone: `+49 30 ${String(1000000 + i * 37).slice(0, 7)}`,
      title, company, role, reportsTo: boss, source: r.pick(SOURCES),
      lifecycle: company === null ? r.pick(['customer', 'prospect']) : r.pick(['customer', 'customer', 'prospect', 'lead']),
      consent: r.pick(['opted-in', 'opted-in', 'unknown', 'opted-out']), doNotContact: r.chance(0.03),
      owner: company === null ? DEMO_OWNERS[i % DEMO_OWNERS.length]! : companies[company]!.owner,
      tags: r.chance(0.15) ? ['vip'] : [],
    });
    if (company !== null) staffOf[company]!.push(i);
  }

  // Deals over the last 18 months: each walks the pipeline; old ones closed, recent ones still open in every stage.
  const deals: DemoDeal[] = [];
  const nDeals = big ? Math.max(10, Math.round(nContacts / 10)) : 45;
  for (let i = 0; i < nDeals; i++) {
    const company = i % nCompanies;
    const people = staffOf[company]!;
    // A third of the deals are being worked (recent ones); the rest closed over the last 18 months.
    const open = i % 3 === 0;
    const created = addDays(today, open ? -r.int(3, 100) : -r.int(45, 540));
    const steps = open ? r.int(0, 3) : r.int(1, 3);
    const history: { stage: string; at: string }[] = [{ stage: 'Lead', at: at(created, 9 + (i % 8)) }];
    let when = created;
    for (let s = 1; s <= steps; s++) {
      when = addDays(when, r.int(4, 25));
      if (when > today) break;
      history.push({ stage: OPEN_STAGES[s]!, at: at(when, 10 + (s % 6)) });
    }
    let closedOn: string | null = null;
    let lostReason: string | null = null;
    if (!open) {
      when = addDays(when, r.int(5, 30));
      // Every fourth closed deal closed in the last six weeks, so the current quarter has results to show.
      if (i % 4 === 1) when = new Date(Math.max(when.getTime(), addDays(today, -r.int(1, 42)).getTime()));
      if (when > today) when = today;
      const won = r.chance(0.55);
      history.push({ stage: won ? 'Won' : 'Lost', at: at(when, 15) });
      closedOn = isoDate(when);
      lostReason = won ? null : r.pick(LOST_REASONS);
    }
    const expected = open ? addDays(today, r.int(-15, 170)) : when;
    deals.push({
      title: `${companies[company]!.name.split(' ')[0]} ${r.pick(PRODUCTS)}${big ? ` ${i + 1}` : i >= PREFIX.length ? ` ${Math.floor(i / PREFIX.length) + 1}` : ''}`,
      amountMinor: money(2_000, 150_000), company, contact: people.length ? people[r.int(0, people.length - 1)]! : null,
      owner: companies[company]!.owner, source: r.pick(SOURCES), nextStep: open ? r.pick(FOLLOWUP_TITLES) : null,
      createdAt: history[0]!.at, expectedClose: isoDate(expected), history, closedOn, lostReason,
      probability: open && r.chance(0.15) ? r.pick([15, 40, 60, 90]) : null,
    });
  }

  // Activities, mostly in the past; meetings also ahead in the coming two weeks. Some carry satisfaction scores.
  const activities: DemoActivity[] = [];
  const nActivities = big ? Math.round(nContacts / 2) : 260;
  for (let i = 0; i < nActivities; i++) {
    const contact = r.int(0, nContacts - 1);
    const c = contacts[contact]!;
    const deal = r.chance(0.4) ? r.int(0, nDeals - 1) : null;
    const future = i % 25 === 0;
    // A team at work: Monday to Friday, starting between 9:00 and 16:45.
    const day = future ? workday(addDays(today, r.int(0, 13)), 1) : workday(addDays(today, -r.int(1, 540)), -1);
    const type = future ? 'meeting' : r.pick(['call', 'call', 'email', 'email', 'meeting', 'note']);
    activities.push({
      type, at: at(day, r.int(9, 16), r.pick([0, 15, 30, 45])), summary: future ? `Demo for ${c.name}` : r.pick(CALL_NOTES),
      outcome: future || type === 'note' ? null : r.pick(OUTCOMES), direction: type === 'note' ? null : r.pick(['inbound', 'outbound']),
      satisfaction: !future && r.chance(0.35) ? r.pick([2, 3, 4, 4, 5, 5]) : null, contact,
      company: c.company, deal: deal !== null && deals[deal]!.company === c.company ? deal : null,
      by: c.owner,
    });
  }

  // Follow-ups: some overdue, some today and this week, some later, a few repeating, some done.
  const followups: DemoFollowup[] = [];
  const nFollowups = big ? Math.round(nContacts / 20) : 32;
  for (let i = 0; i < nFollowups; i++) {
    const contact = r.int(0, nContacts - 1);
    const c = contacts[contact]!;
    const offset = i % 8 === 0 ? -r.int(1, 10) : i % 8 === 1 ? 0 : r.int(1, 30);
    const done = i % 10 === 9;
    followups.push({
      title: r.pick(FOLLOWUP_TITLES), dueDate: isoDate(workday(addDays(today, offset), offset < 0 ? -1 : 1)),
      dueTime: r.chance(0.3) ? `${r.int(9, 16)}:00`.padStart(5, '0') : null,
      owner: c.owner, priority: r.pick(['normal', 'normal', 'high', 'low']), status: done ? 'done' : 'open',
      doneAt: done ? at(workday(addDays(today, -1), -1), 16) : null, repeatEvery: i % 7 === 3 ? r.pick([1, 2]) : null,
      repeatUnit: i % 7 === 3 ? r.pick(['w', 'm']) : null, contact, company: c.company, deal: null,
    });
  }

  // Two years of orders: exactly 10 per contact at scale (30 per customer in the small demo), one per won deal.
  const customers: { company: number | null; contact: number | null }[] = [
    ...companies.map((_, i) => ({ company: i, contact: null })),
    ...contacts.flatMap((c, i) => (c.company === null ? [{ company: null, contact: i }] : [])),
  ];
  const won = deals.map((d, i) => ({ d, i })).filter(({ d }) => d.history.at(-1)!.stage === 'Won');
  const plain = big ? nContacts * 10 - won.length : customers.length * 30;
  const orderCount = plain + won.length;
  const buyers = planBuyers(random(plan.seed * 7919 + 1), customers, won.map(({ d }) => d), plain, today);
  // Orders are placed in whole days before today, the same offsets whatever today is, so the lifetime-value model
  // sees the same customers on any date; one table of date strings saves formatting a date per order.
  const dayIso = Array.from({ length: ORDER_DAYS + 1 }, (_, k) => isoDate(addDays(today, -k)));
  const seed = plan.seed;
  function* orders(): Iterable<DemoOrder> {
    const o = random(seed * 7919 + 2);
    // Lines come from a generator of their own, so the orders are the same with or without them.
    const lr = random(seed * 7919 + 5);
    let n = 0;
    for (const b of buyers) {
      for (const day of purchaseDays(o, b)) {
        // Each order's value varies around the customer's average (exponentially), and about one in fifty is a refund.
        const refund = o.chance(0.02);
        const amountMinor = (refund ? -1 : 1) * Math.max(1, Math.round(b.spend * gamma(o, 1))) * 100;
        yield { company: b.company, contact: b.contact, orderedOn: dayIso[-day]!, reference: `DEMO-${++n}`, deal: null, amountMinor,
          ...(amountMinor > 0 && n <= DEMO_LINED_ORDERS ? { lines: demoLines(lr, amountMinor) } : {}) };
      }
    }
    for (const { d, i } of won) {
      yield { company: d.company, contact: d.company === null ? d.contact : null, orderedOn: d.closedOn!, amountMinor: d.amountMinor,
        reference: `DEMO-${++n}`, deal: i };
    }
  }

  // Quotas per owner for every fiscal quarter and month from the deals' history (18 months back) to the end of
  // what a forecast shows (three quarters ahead), so attainment and coverage show on any day of the year.
  const quotas: DemoQuota[] = [];
  const fyStart = plan.fyStart ?? 1;
  const from = isoDate(addMonths(today, -18));
  const until = isoDate(addMonths(today, 9));
  const periods = (kind: 'quarter' | 'month') => periodsFrom(from, kind, 40, fyStart).filter((p) => p.from <= until);
  for (const owner of DEMO_OWNERS) {
    const quarterly = (big ? Math.round(nContacts / 30) : 1) * r.int(60, 120) * 1000 * 100;
    for (const p of periods('quarter')) quotas.push({ owner, period: p.label, amountMinor: quarterly });
    for (const p of periods('month')) quotas.push({ owner, period: p.label, amountMinor: Math.round(quarterly / 3) });
  }

  return { currency: plan.currency, companies, contacts, deals, activities, followups, orders, orderCount, quotas,
    products: demoProducts(), campaigns: demoCampaigns(random(plan.seed * 7919 + 6), contacts, today, big ? null : boughtIn(orders, contacts)),
    uuid: seededUuids(random(plan.seed * 7919 + 3).next) };
}

/** Whether contact i's customer (its company, or itself) ordered from `from` to `to`: the small demo's orders read once. */
function boughtIn(orders: () => Iterable<DemoOrder>, contacts: readonly DemoContact[]) {
  const days = new Map<string, string[]>();
  for (const o of orders()) {
    if (o.amountMinor <= 0) continue;
    const key = o.company !== null ? `company:${o.company}` : `contact:${o.contact}`;
    days.set(key, [...(days.get(key) ?? []), o.orderedOn]);
  }
  return (i: number, from: string, to: string) => {
    const c = contacts[i]!;
    return (days.get(c.company !== null ? `company:${c.company}` : `contact:${i}`) ?? []).some((d) => d >= from && d <= to);
  };
}

/** Orders that get lines: every one of the small demo's; the first ones at scale, enough baskets for cross-sell. */
const DEMO_LINED_ORDERS = 20_000;

/** How far back the demo's orders go, in days: two years. */
const ORDER_DAYS = 730;

type Random = ReturnType<typeof random>;

/**
 * How one customer buys. Days are offsets from today (0) back to -ORDER_DAYS: `first` is the first purchase and
 * `last` the last one of a customer who has stopped (0 for one still buying). The purchases in between fall at
 * random (a Poisson process given their count); for a customer who is slowing down they thin out toward today.
 */
interface Buyer {
  company: number | null;
  contact: number | null;
  first: number;
  last: number;
  slowing: boolean;
  orders: number;
  /** Mean order value in major units. */
  spend: number;
}

/** A gamma variate with a whole shape: the sum of that many exponentials, mean `shape`. */
const gamma = (o: Random, shape: number) => {
  let sum = 0;
  for (let k = 0; k < shape; k++) sum -= Math.log(1 - o.next());
  return sum;
};

/**
 * Customers as they are: a few buy a lot, many a little; most keep buying, some slow down, some stop. Each is
 * drawn the way BG/NBD and Gamma-Gamma describe customers (a purchase rate that differs between customers, a
 * chance to drop out after each purchase that differs too, an average order value that differs), because
 * `report clv` needs that variety to fit: when every customer buys alike until today, dropout cannot be told from
 * silence and the model is degenerate. The counts are then scaled to exactly `plain` orders.
 */
function planBuyers(o: Random, customers: { company: number | null; contact: number | null }[], won: DemoDeal[], plain: number, today: Date): Buyer[] {
  const perCustomer = plain / Math.max(1, customers.length);
  // Order values from a stream of their own, so that how they are drawn never shifts when customers buy.
  const money = random(Math.floor(o.next() * 2 ** 32));
  const buyers = customers.map((c, i) => {
    // The oldest customer has been buying for the whole two years; about one in seven is new this half-year.
    const first = i === 0 ? -ORDER_DAYS : o.chance(0.15) ? -o.int(30, 180) : -o.int(240, ORDER_DAYS);
    // Chance to stop after a purchase: near zero for most, high for a few (a Beta(0.2, 1)).
    const dropout = o.next() ** 5;
    // Purchases a day: exponential across customers, scaled so that the counts come out near `plain`.
    const rate = (-Math.log(1 - o.next()) * perCustomer) / (0.6 * ORDER_DAYS);
    let day = first;
    let count = 1;
    let last = 0;
    for (;;) {
      if (o.chance(dropout)) {
        last = Math.round(day);
        break;
      }
      day -= Math.log(1 - o.next()) / rate;
      if (day > 0) break;
      count += 1;
    }
    // Average order value: a company's around 10,000, a sole trader's around 5,000 (an inverse gamma, shape 6).
    const spend = ((c.company === null ? 5_000 : 10_000) * 5) / gamma(money, 6);
    return { ...c, first, last, slowing: last === 0 && o.chance(0.15), orders: count, spend };
  });
  // Exactly `plain` orders, at least one each, the rest in proportion (rounding a running total keeps the sum exact).
  const drawn = buyers.reduce((a, b) => a + b.orders, 0);
  const extra = Math.max(0, plain - buyers.length);
  let before = 0;
  let cumulative = 0;
  for (const b of buyers) {
    cumulative += b.orders;
    const upTo = Math.round((extra * cumulative) / drawn);
    b.orders = 1 + upTo - before;
    before = upTo;
  }
  ensureOneAtRisk(buyers, won, today);
  return buyers;
}

/**
 * --at-risk lists the most valuable fifth whose P(alive) fell below one half. When chance put nobody who stopped
 * long ago among them (a small demo has only a handful), the most valuable customer that can have stopped (no won
 * deal in the last 100 days, a year of history, a dozen orders) stops about four months ago, worth enough to be
 * among the most valuable.
 */
function ensureOneAtRisk(buyers: Buyer[], won: DemoDeal[], today: Date) {
  const todayNumber = dayNumber(localDate(today));
  const dayOf = (iso: string) => dayNumber(iso) - todayNumber;
  const deals = new Map<string, { total: number; last: number }>();
  const key = (c: { company: number | null; contact: number | null }) => (c.company !== null ? `c${c.company}` : `p${c.contact}`);
  for (const d of won) {
    const e = deals.get(key(d)) ?? { total: 0, last: -ORDER_DAYS };
    e.total += d.amountMinor / 100;
    e.last = Math.max(e.last, dayOf(d.closedOn!));
    deals.set(key(d), e);
  }
  const value = (b: Buyer) => b.orders * b.spend + (deals.get(key(b))?.total ?? 0);
  const quiet = (b: Buyer) => Math.max(b.last === 0 ? 0 : b.last, deals.get(key(b))?.last ?? -ORDER_DAYS);
  // Each buyer's value worked out once, not in every comparison of the sort (a million at scale).
  const worth = new Map(buyers.map((b) => [b, value(b)]));
  const ranked = [...buyers].sort((a, b) => worth.get(b)! - worth.get(a)!);
  const top = ranked.slice(0, Math.ceil(buyers.length / 5));
  if (top.some((b) => b.last !== 0 && quiet(b) <= -90 && b.orders >= 12)) return;
  const eligible = (b: Buyer) => (deals.get(key(b))?.last ?? -ORDER_DAYS) <= -100 && b.first <= -365 && b.orders >= 12;
  const pick = top.find(eligible) ?? ranked.find(eligible);
  if (!pick) return;
  pick.last = Math.max(deals.get(key(pick))?.last ?? -ORDER_DAYS, -120);
  pick.slowing = false;
  const threshold = value(top.at(-1)!) * 1.3;
  if (value(pick) < threshold) pick.spend = (threshold - (deals.get(key(pick))?.total ?? 0)) / pick.orders;
}

/** One customer's purchase days (offsets from today), in order. */
function purchaseDays(o: Random, b: Buyer): number[] {
  const days = [b.first];
  const span = b.last - b.first;
  for (let k = 1; k < b.orders; k++) {
    const v = o.next();
    // Slowing down: purchases thin out linearly toward today (the inverse of the cumulative 1 - (1 - t)^2).
    const t = b.slowing ? 1 - Math.sqrt(1 - v) : v;
    days.push(b.first + Math.round(t * span));
  }
  // A customer who stopped made their last purchase on their last day.
  if (b.last !== 0 && b.orders > 1) days[days.length - 1] = b.last;
  return days.sort((x, y) => x - y);
}
