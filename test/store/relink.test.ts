import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type CompanyFields, mergeCompanyFields } from '../../src/domain/company.js';
import { type ContactFields, mergeContactFields } from '../../src/domain/contact.js';
import type { DealFields } from '../../src/domain/deal.js';
import type { FollowupFields } from '../../src/domain/followup.js';
import { openStore } from '../../src/store/open.js';
import type { Store, Tx } from '../../src/store/store.js';

/**
 * Removing or merging a record re-points or detaches what pointed at it, inside the store and journaled: no command
 * has to remember which tables point where. Runs on the store alone, without the CLI.
 */
const now = new Date('2026-03-15T10:00:00Z');
const meta = (command: string) => ({ actor: 'alice', at: now.toISOString(), command });
let open: Store[] = [];

async function fresh(): Promise<Store> {
  const store = await openStore({ path: join(mkdtempSync(join(tmpdir(), 'crm-relink-')), 'crm.db'), source: 'flag' }, now);
  open.push(store);
  return store;
}

afterEach(() => {
  for (const s of open) s.close();
  open = [];
});

const company = (name: string): CompanyFields => ({
  name, domain: null, industry: null, size: null, address: null, wallet: null, owner: 'alice', notes: null, externalId: null, tags: [],
});
const contact = (name: string, more: Partial<ContactFields> = {}): ContactFields => ({
  name, emails: [], phones: [], title: null, companyId: null, role: null, reportsToId: null, source: null, lifecycle: 'lead',
  consent: 'unknown', doNotContact: false, wallet: null, owner: 'alice', notes: null, externalId: null, tags: [], ...more,
});
const deal = (title: string, stageId: number, more: Partial<DealFields> = {}): DealFields => ({
  title, amountMinor: 100_00, currency: 'USD', stageId, probability: null, forecastCategory: null, expectedClose: null,
  closedOn: null, owner: 'alice', companyId: null, contactId: null, source: null, nextStep: null, lostReason: null, ...more,
});
const followup = (title: string, more: Partial<FollowupFields> = {}): FollowupFields => ({
  title, dueDate: '2026-03-20', dueTime: null, owner: 'alice', priority: 'normal', status: 'open', doneAt: null, repeat: null,
  seriesAnchor: null, seriesDue: null, notes: null, contactId: null, companyId: null, dealId: null, ...more,
});
const note = (summary: string, links: { contactId?: number; companyId?: number; dealId?: number }) => ({
  type: 'note' as const, at: now.toISOString(), summary, outcome: null, direction: null, satisfaction: null,
  contactId: links.contactId ?? null, companyId: links.companyId ?? null, dealId: links.dealId ?? null,
});

/** Acme with Li (who Bo reports to), a deal, a note and a follow-up on each of Acme and Li. */
async function acme(store: Store) {
  return store.write(meta('seed'), async (tx: Tx) => {
    const [lead] = await tx.stages.list();
    const co = await tx.companies.create(company('Acme'));
    const li = await tx.contacts.create(contact('Li Na', { companyId: co.id, emails: ['li@acme.example'] }));
    const bo = await tx.contacts.create(contact('Bo Chen', { companyId: co.id, reportsToId: li.id }));
    const d = await tx.deals.create(deal('Rollout', lead!.id, { companyId: co.id, contactId: li.id }));
    const a = await tx.activities.create(note('Kickoff', { companyId: co.id, contactId: li.id, dealId: d.id }));
    const f = await tx.followups.create(followup('Call back', { companyId: co.id, contactId: li.id, dealId: d.id }));
    return { co, li, bo, d, a, f };
  });
}

const entries = async (store: Store, entity: string, id: number) =>
  (await store.history(entity, id)).map((e) => [e.action, e.command]);

describe('removing a record', () => {
  it('detaches a company from its people, deals, activities and follow-ups, each change journaled', async () => {
    const store = await fresh();
    const { co, li, bo, d, a, f } = await acme(store);
    const people = await store.write(meta('crm company rm Acme'), async (tx) => tx.companies.remove((await tx.companies.get(co.id))!));
    expect(people).toBe(2);
    expect(await store.companies.get(co.id)).toBeUndefined();
    expect([(await store.contacts.get(li.id))!.companyId, (await store.contacts.get(bo.id))!.companyId]).toEqual([null, null]);
    expect((await store.deals.get(d.id))!.companyId).toBeNull();
    expect((await store.activities.get(a.id))!.companyId).toBeNull();
    expect((await store.followups.get(f.id))!.companyId).toBeNull();
    for (const [entity, id] of [['contact', li.id], ['contact', bo.id], ['deal', d.id], ['activity', a.id], ['followup', f.id]] as const) {
      expect((await entries(store, entity, id)).at(-1), `${entity} ${id}`).toEqual(['update', 'crm company rm Acme']);
    }
    expect(await entries(store, 'company', co.id)).toEqual([['create', 'seed'], ['delete', 'crm company rm Acme']]);
    // The deal's search text held the company's name; it no longer does.
    expect(await store.deals.list({ search: 'acme', status: 'all' })).toEqual([]);
  });

  it("detaches a contact from their reports, deals, activities and follow-ups, and keeps the company's", async () => {
    const store = await fresh();
    const { co, li, bo, d, a, f } = await acme(store);
    const reports = await store.write(meta('crm contact rm Li'), async (tx) => tx.contacts.remove((await tx.contacts.get(li.id))!));
    expect(reports).toBe(1);
    expect((await store.contacts.get(bo.id))!.reportsToId).toBeNull();
    expect((await store.deals.get(d.id))!).toMatchObject({ contactId: null, companyId: co.id });
    expect((await store.activities.get(a.id))!).toMatchObject({ contactId: null, companyId: co.id });
    expect((await store.followups.get(f.id))!).toMatchObject({ contactId: null, companyId: co.id });
    expect((await entries(store, 'contact', bo.id)).at(-1)).toEqual(['update', 'crm contact rm Li']);
    expect((await entries(store, 'contact', li.id)).at(-1)).toEqual(['delete', 'crm contact rm Li']);
  });

  it("detaches a deal from its activities, follow-ups and orders, which stay", async () => {
    const store = await fresh();
    const { co, d, a, f } = await acme(store);
    const order = await store.write(meta('crm order add'), (tx) => tx.orders.create({
      customer: { kind: 'company', id: co.id, name: 'Acme' }, orderedOn: '2026-03-14', amountMinor: 5_00, currency: 'USD', reference: 'r1', dealId: d.id,
    }));
    await store.write(meta('crm deal rm Rollout'), async (tx) => tx.deals.remove((await tx.deals.get(d.id))!));
    expect(await store.deals.get(d.id)).toBeUndefined();
    expect((await store.activities.get(a.id))!.dealId).toBeNull();
    expect((await store.followups.get(f.id))!.dealId).toBeNull();
    expect((await store.orders.get(order.id))!).toMatchObject({ dealId: null, amountMinor: 5_00 });
    expect((await entries(store, 'order', order.id)).at(-1)).toEqual(['update', 'crm deal rm Rollout']);
  });

  it("moves a stage's deals to another before removing it, in each deal's stage history", async () => {
    const store = await fresh();
    const { d } = await acme(store);
    const [lead, next] = await store.stages.list();
    const moved = await store.write(meta('crm stage rm Lead'), (tx) => tx.stages.remove(lead!, next!));
    expect(moved).toBe(1);
    expect(await store.stages.get(lead!.id)).toBeUndefined();
    expect((await store.deals.get(d.id))!.stageId).toBe(next!.id);
    expect((await store.deals.stageHistory(d.id)).map((c) => [c.from, c.to])).toEqual([[null, lead!.name], [lead!.name, next!.name]]);
  });

  it('all or nothing: a failure after the relinking leaves every link as it was', async () => {
    const store = await fresh();
    const { co, li, d } = await acme(store);
    await expect(store.write(meta('crm company rm Acme'), async (tx) => {
      await tx.companies.remove((await tx.companies.get(co.id))!);
      throw new Error('interrupted');
    })).rejects.toThrow('interrupted');
    expect((await store.companies.get(co.id))!.name).toBe('Acme');
    expect((await store.contacts.get(li.id))!.companyId).toBe(co.id);
    expect((await store.deals.get(d.id))!.companyId).toBe(co.id);
    expect(await entries(store, 'contact', li.id)).toEqual([['create', 'seed']]);
  });
});

describe('merging two contacts', () => {
  it("re-points everything that was DUP's to KEEP and journals KEEP's change as a merge", async () => {
    const store = await fresh();
    const { li, bo, d, a, f } = await acme(store);
    const { keep, order } = await store.write(meta('seed 2'), async (tx) => {
      const keep = await tx.contacts.create(contact('Li Na (old)', { emails: ['na@home.example'] }));
      const order = await tx.orders.create({ customer: { kind: 'contact', id: li.id, name: 'Li Na' }, orderedOn: '2026-03-01', amountMinor: 1_00,
        currency: 'USD', reference: null, dealId: null });
      return { keep, order };
    });
    const merged = await store.write(meta('crm contact merge'), async (tx) => {
      const [k, dup] = [(await tx.contacts.get(keep.id))!, (await tx.contacts.get(li.id))!];
      return tx.contacts.merge(k, dup, mergeContactFields(k, dup));
    });
    expect(merged.emails).toEqual(['na@home.example', 'li@acme.example']);
    expect(await store.contacts.get(li.id)).toBeUndefined();
    expect((await store.contacts.get(bo.id))!.reportsToId).toBe(keep.id);
    expect((await store.deals.get(d.id))!.contactId).toBe(keep.id);
    expect((await store.activities.get(a.id))!.contactId).toBe(keep.id);
    expect((await store.followups.get(f.id))!.contactId).toBe(keep.id);
    expect((await store.orders.get(order.id))!.customer).toMatchObject({ kind: 'contact', id: keep.id });
    const last = (await store.history('contact', keep.id)).at(-1)!;
    expect([last.action, last.after?.mergedFrom]).toEqual(['merge', { id: li.id, name: 'Li Na' }]);
    expect((await entries(store, 'contact', li.id)).at(-1)).toEqual(['delete', 'crm contact merge']);
  });

  it('never leaves KEEP reporting, through DUP, to someone who reports to KEEP', async () => {
    const store = await fresh();
    // DUP reports to Boss, and Boss reports to DUP: once Boss's manager is KEEP, KEEP cannot take Boss as manager.
    const { keep, dup } = await store.write(meta('seed'), async (tx) => {
      const dup = await tx.contacts.create(contact('Dup'));
      const boss = await tx.contacts.create(contact('Boss', { reportsToId: dup.id }));
      const withBoss = await tx.contacts.update(dup, { ...dup, reportsToId: boss.id });
      const keep = await tx.contacts.create(contact('Keep'));
      return { keep, dup: withBoss };
    });
    const merged = await store.write(meta('crm contact merge'), (tx) => tx.contacts.merge(keep, dup, mergeContactFields(keep, dup)));
    expect(merged.reportsToId).toBeNull();
    const boss = (await store.contacts.list()).find((c) => c.name === 'Boss')!;
    expect(boss.reportsToId).toBe(keep.id);
  });
});

describe('merging two companies', () => {
  it("re-points DUP's people, deals, activities, follow-ups and orders to KEEP and journals KEEP's change as a merge", async () => {
    const store = await fresh();
    const { co, li, bo, d, a, f } = await acme(store);
    const { keep, order } = await store.write(meta('seed 2'), async (tx) => {
      const keep = await tx.companies.create({ ...company('Acme GmbH'), tags: ['vip'] });
      await tx.companies.update((await tx.companies.get(co.id))!, { ...company('Acme'), tags: ['partner'] });
      const order = await tx.orders.create({ customer: { kind: 'company', id: co.id, name: 'Acme' }, orderedOn: '2026-03-01',
        amountMinor: 1_00, currency: 'USD', reference: null, dealId: null });
      return { keep, order };
    });
    const { company: merged, moved } = await store.write(meta('crm company merge'), async (tx) => {
      const [k, dup] = [(await tx.companies.get(keep.id))!, (await tx.companies.get(co.id))!];
      return tx.companies.merge(k, dup, mergeCompanyFields(k, dup));
    });
    expect(moved).toEqual({ contacts: 2, deals: 1, activities: 1, followups: 1, orders: 1 });
    expect(merged).toMatchObject({ id: keep.id, name: 'Acme GmbH', tags: ['partner', 'vip'] });
    expect(await store.companies.get(co.id)).toBeUndefined();
    expect([(await store.contacts.get(li.id))!.companyId, (await store.contacts.get(bo.id))!.companyId]).toEqual([keep.id, keep.id]);
    expect((await store.deals.get(d.id))!).toMatchObject({ companyId: keep.id, contactId: li.id });
    expect((await store.activities.get(a.id))!.companyId).toBe(keep.id);
    expect((await store.followups.get(f.id))!.companyId).toBe(keep.id);
    expect((await store.orders.get(order.id))!.customer).toEqual({ kind: 'company', id: keep.id, name: 'Acme GmbH' });
    const last = (await store.history('company', keep.id)).at(-1)!;
    expect([last.action, last.command, last.after?.mergedFrom]).toEqual(['merge', 'crm company merge', { id: co.id, name: 'Acme' }]);
    expect((await entries(store, 'company', co.id)).at(-1)).toEqual(['delete', 'crm company merge']);
    for (const [entity, id] of [['contact', li.id], ['deal', d.id], ['activity', a.id], ['followup', f.id], ['order', order.id]] as const) {
      expect((await entries(store, entity, id)).at(-1), `${entity} ${id}`).toEqual(['update', 'crm company merge']);
    }
    // Deals and activities are found by their company's name: now KEEP's.
    expect((await store.deals.list({ search: 'gmbh', status: 'all' })).map((x) => x.id)).toEqual([d.id]);
  });
});
