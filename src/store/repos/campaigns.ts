import { type Campaign, type CampaignFields, campaignJson, type Channel, type Group, type Member, type MemberRef, memberKey } from '../../domain/campaign.js';
import { nameKey } from '../../domain/reference.js';
import { Repository } from './repository.js';

/** Who a campaign may reach: contacts and companies with what the targeting filters and the consent rule read. */
export interface Reachable extends MemberRef {
  /** Why the record may not be contacted (a contact opted out or is do-not-contact; a company all of whose people are). */
  blocked: boolean;
}

export interface ContactFilter {
  tags?: readonly string[];
  lifecycle?: string;
  owner?: string;
  companyId?: number;
  ids?: readonly number[];
}

const toFields = (f: CampaignFields) => ({
  name: f.name, name_key: nameKey(f.name), channel: f.channel, budget_minor: f.budgetMinor, cost_minor: f.costMinor, currency: f.currency,
  starts_on: f.startsOn, ends_on: f.endsOn, window_days: f.windowDays, owner: f.owner, notes: f.notes,
});

/** Campaigns, their members, touches and responses. */
export class Campaigns extends Repository {
  private select() {
    return this.db.selectFrom('campaign').selectAll();
  }

  private hydrate(r: Awaited<ReturnType<ReturnType<Campaigns['select']>['execute']>>[number]): Campaign {
    return {
      id: r.id, name: r.name, channel: r.channel as Channel, budgetMinor: r.budget_minor === null ? null : Number(r.budget_minor),
      costMinor: r.cost_minor === null ? null : Number(r.cost_minor), currency: r.currency, startsOn: r.starts_on, endsOn: r.ends_on,
      windowDays: r.window_days, excluded: r.excluded, owner: r.owner, notes: r.notes,
      uuid: r.uuid, createdAt: r.created_at, updatedAt: r.updated_at, createdBy: r.created_by, updatedBy: r.updated_by,
    };
  }

  async get(id: number): Promise<Campaign | undefined> {
    const r = await this.select().where('id', '=', id).executeTakeFirst();
    return r && this.hydrate(r);
  }

  async byName(name: string): Promise<Campaign | undefined> {
    const r = await this.select().where('name_key', '=', nameKey(name)).executeTakeFirst();
    return r && this.hydrate(r);
  }

  async list(): Promise<Campaign[]> {
    return (await this.select().orderBy('starts_on').orderBy('id').execute()).map((r) => this.hydrate(r));
  }

  /** Per campaign: members, treated, holdout, touched, responded. */
  async counts(): Promise<Map<number, { members: number; treated: number; holdout: number; touched: number; responded: number }>> {
    const rows = await this.db.selectFrom('campaign_member').select((eb) => [
      'campaign_id', eb.fn.countAll<number>().as('members'),
      eb.fn.sum<number>(eb.case().when('arm', '=', 'treated').then(1).else(0).end()).as('treated'),
      eb.fn.count<number>('touched_on').as('touched'), eb.fn.count<number>('responded_on').as('responded'),
    ]).groupBy('campaign_id').execute();
    return new Map(rows.map((r) => [r.campaign_id, { members: Number(r.members), treated: Number(r.treated),
      holdout: Number(r.members) - Number(r.treated), touched: Number(r.touched), responded: Number(r.responded) }]));
  }

  async create(fields: CampaignFields): Promise<Campaign> {
    const { id } = await this.db.insertInto('campaign').values({ ...toFields(fields), excluded: 0, ...this.j.created() })
      .returning('id').executeTakeFirstOrThrow();
    const c = (await this.get(id))!;
    await this.j.record('campaign', id, 'create', null, campaignJson(c));
    return c;
  }

  async update(before: Campaign, fields: CampaignFields): Promise<Campaign> {
    await this.db.updateTable('campaign').set({ ...toFields(fields), ...this.j.updated() }).where('id', '=', before.id).execute();
    const after = (await this.get(before.id))!;
    await this.j.record('campaign', before.id, 'update', campaignJson(before), campaignJson(after));
    return after;
  }

  /** Deletes a campaign and its members (the activities its touches logged stay). */
  async remove(c: Campaign): Promise<void> {
    await this.db.deleteFrom('campaign_member').where('campaign_id', '=', c.id).execute();
    await this.db.deleteFrom('campaign').where('id', '=', c.id).execute();
    await this.j.record('campaign', c.id, 'delete', campaignJson(c), null);
  }

  async members(campaignId: number): Promise<Member[]> {
    const rows = await this.db.selectFrom('campaign_member as m')
      .leftJoin('company as co', 'co.id', 'm.company_id').leftJoin('contact as ct', 'ct.id', 'm.contact_id')
      .select((eb) => ['m.company_id', 'm.contact_id', 'm.arm', 'm.added_on', 'm.touched_on', 'm.responded_on', 'm.outcome',
        'co.name as company_name', 'ct.name as contact_name',
        eb.selectFrom('contact_email as e').select('e.email').whereRef('e.contact_id', '=', 'm.contact_id').orderBy('e.position').limit(1).as('email')])
      .where('m.campaign_id', '=', campaignId).orderBy('m.id').execute();
    return rows.map((r) => ({
      kind: r.company_id !== null ? 'company' as const : 'contact' as const, id: (r.company_id ?? r.contact_id)!,
      name: (r.company_id !== null ? r.company_name : r.contact_name) ?? '', email: r.email ?? null, group: r.arm as Group,
      addedOn: r.added_on, touchedOn: r.touched_on, respondedOn: r.responded_on, outcome: r.outcome,
    }));
  }

  /** The campaigns a contact is a member of, with their group and what happened (a subject access request lists them). */
  async membershipsOf(contactId: number): Promise<{ campaign: string; group: Group; addedOn: string; touchedOn: string | null; respondedOn: string | null; outcome: string | null }[]> {
    const rows = await this.db.selectFrom('campaign_member as m').innerJoin('campaign as c', 'c.id', 'm.campaign_id')
      .select(['c.name', 'm.arm', 'm.added_on', 'm.touched_on', 'm.responded_on', 'm.outcome'])
      .where('m.contact_id', '=', contactId).orderBy('m.id').execute();
    return rows.map((r) => ({ campaign: r.name, group: r.arm as Group, addedOn: r.added_on, touchedOn: r.touched_on, respondedOn: r.responded_on, outcome: r.outcome }));
  }

  /** Adds members with their group; `excluded` more contacts were left out for consent. Members already there stay as they are. */
  async addMembers(c: Campaign, members: readonly (MemberRef & { group: Group })[], addedOn: string, excluded: number): Promise<void> {
    for (let i = 0; i < members.length; i += 200) {
      await this.db.insertInto('campaign_member').values(members.slice(i, i + 200).map((m) => ({
        campaign_id: c.id, member_key: memberKey(m), company_id: m.kind === 'company' ? m.id : null, contact_id: m.kind === 'contact' ? m.id : null,
        arm: m.group, added_on: addedOn,
      }))).execute();
    }
    await this.db.updateTable('campaign').set({ excluded: c.excluded + excluded, ...this.j.updated() }).where('id', '=', c.id).execute();
    await this.j.record('campaign', c.id, 'update', null, { targeted: members.length, holdout: members.filter((m) => m.group === 'holdout').length,
      excluded, members: members.map(memberKey) });
  }

  /** Records a touch (only treated members are touched) and a response, journaled as the campaign's. */
  async touch(c: Campaign, members: readonly MemberRef[], on: string): Promise<void> {
    for (const m of members) {
      await this.db.updateTable('campaign_member').set({ touched_on: on }).where('campaign_id', '=', c.id).where('member_key', '=', memberKey(m)).execute();
    }
    await this.j.record('campaign', c.id, 'update', null, { touched: members.map(memberKey), on });
  }

  async respond(c: Campaign, m: Member, on: string, outcome: string | null): Promise<void> {
    await this.db.updateTable('campaign_member').set({ responded_on: on, outcome }).where('campaign_id', '=', c.id)
      .where('member_key', '=', memberKey(m)).execute();
    await this.j.record('campaign', c.id, 'update', { member: memberKey(m), respondedAt: m.respondedOn, outcome: m.outcome },
      { member: memberKey(m), respondedAt: on, outcome });
  }

  /** Contacts that pass the filters, with whether they may be contacted. */
  async contacts(f: ContactFilter): Promise<Reachable[]> {
    let q = this.db.selectFrom('contact as c').select(['c.id', 'c.consent', 'c.do_not_contact']);
    for (const t of f.tags ?? []) {
      q = q.where((eb) => eb.exists(eb.selectFrom('tag').select('tag.entity_id').where('tag.entity', '=', 'contact')
        .whereRef('tag.entity_id', '=', 'c.id').where('tag.tag', '=', t)));
    }
    if (f.lifecycle !== undefined) q = q.where('c.lifecycle', '=', f.lifecycle);
    if (f.owner !== undefined) q = q.where('c.owner', '=', f.owner);
    if (f.companyId !== undefined) q = q.where('c.company_id', '=', f.companyId);
    if (f.ids !== undefined) {
      if (f.ids.length === 0) return [];
      q = q.where('c.id', 'in', f.ids);
    }
    return (await q.orderBy('c.id').execute()).map((r) => ({ kind: 'contact', id: r.id, blocked: r.consent === 'opted-out' || Boolean(r.do_not_contact) }));
  }

  /** Companies that pass the filters; one is blocked when it has people and none of them may be contacted. */
  async companies(f: { tags?: readonly string[]; owner?: string; ids?: readonly number[] }): Promise<Reachable[]> {
    let q = this.db.selectFrom('company as co').select((eb) => ['co.id',
      eb.selectFrom('contact as c').select(eb.fn.countAll<number>().as('n')).whereRef('c.company_id', '=', 'co.id').as('people'),
      eb.selectFrom('contact as c').select(eb.fn.countAll<number>().as('n')).whereRef('c.company_id', '=', 'co.id')
        .where('c.do_not_contact', '=', 0).where('c.consent', '!=', 'opted-out').as('reachable')]);
    for (const t of f.tags ?? []) {
      q = q.where((eb) => eb.exists(eb.selectFrom('tag').select('tag.entity_id').where('tag.entity', '=', 'company')
        .whereRef('tag.entity_id', '=', 'co.id').where('tag.tag', '=', t)));
    }
    if (f.owner !== undefined) q = q.where('co.owner', '=', f.owner);
    if (f.ids !== undefined) {
      if (f.ids.length === 0) return [];
      q = q.where('co.id', 'in', f.ids);
    }
    return (await q.orderBy('co.id').execute()).map((r) => ({ kind: 'company', id: r.id, blocked: Number(r.people) > 0 && Number(r.reachable) === 0 }));
  }

  /**
   * The orders of each member's customer dated from `from` to `to`, in `currency`: a company's own, a contact's own, or
   * for a contact who works for a company, the company's (analytics.md: the customer is the company).
   */
  async memberOrders(campaignId: number, from: string, to: string, currency: string): Promise<Map<string, { date: string; amountMinor: number }[]>> {
    const members = await this.db.selectFrom('campaign_member as m').leftJoin('contact as ct', 'ct.id', 'm.contact_id')
      .select(['m.member_key', 'm.company_id', 'm.contact_id', 'ct.company_id as employer']).where('m.campaign_id', '=', campaignId).execute();
    const byCustomer = new Map<string, string[]>();
    for (const m of members) {
      const customer = m.company_id !== null ? `company:${m.company_id}` : m.employer !== null ? `company:${m.employer}` : `contact:${m.contact_id}`;
      byCustomer.set(customer, [...(byCustomer.get(customer) ?? []), m.member_key]);
    }
    const out = new Map<string, { date: string; amountMinor: number }[]>(members.map((m) => [m.member_key, []]));
    const orders = await this.db.selectFrom('orders').select(['company_id', 'contact_id', 'ordered_on', 'amount_minor'])
      .where('ordered_on', '>=', from).where('ordered_on', '<=', to).where('currency', '=', currency)
      .where((eb) => eb.or([
        eb('company_id', 'in', eb.selectFrom('campaign_member as m').leftJoin('contact as ct', 'ct.id', 'm.contact_id')
          .select((e) => e.fn.coalesce('m.company_id', 'ct.company_id').as('cid')).where('m.campaign_id', '=', campaignId)),
        eb('contact_id', 'in', eb.selectFrom('campaign_member as m').select('m.contact_id').where('m.campaign_id', '=', campaignId)),
      ])).execute();
    for (const o of orders) {
      const customer = o.company_id !== null ? `company:${o.company_id}` : `contact:${o.contact_id}`;
      for (const key of byCustomer.get(customer) ?? []) out.get(key)!.push({ date: o.ordered_on, amountMinor: Number(o.amount_minor) });
    }
    return out;
  }
}
