import type { Context } from '../../context.js';
import { activityJson } from '../../domain/activity.js';
import { contactJson } from '../../domain/contact.js';
import { dealJson } from '../../domain/deal.js';
import { followupJson } from '../../domain/followup.js';
import { orderJson } from '../../domain/order.js';
import { isoDate } from '../../domain/dates.js';
import { document } from '../../output/view.js';
import type { ContactInput } from './spec.js';

/** A subject access request: everything crm holds about one person, as one JSON document. */
export async function run({ args: [ref] }: ContactInput<'export'>, ctx: Context) {
  const store = await ctx.store();
  const target = await store.refs.resolve(ref!, ['contact']);
  const contact = (await store.contacts.get(target.id))!;
  const [deals, activities, followups, orders, campaigns, history] = await Promise.all([
    store.deals.list({ contactId: contact.id, status: 'all' }),
    store.activities.list({ contactId: contact.id }),
    store.followups.list({ contactId: contact.id, status: 'all' }),
    store.orders.list({ customer: { kind: 'contact', id: contact.id } }),
    store.campaigns.membershipsOf(contact.id),
    store.history('contact', contact.id),
  ]);
  const doc = {
    format: 'crm-subject-access', version: 1, exportedAt: ctx.now.toISOString(), exportedBy: ctx.user,
    contact: contactJson(contact),
    deals: deals.map((d) => dealJson(d, ctx.now)),
    activities: activities.map(activityJson),
    followups: followups.map((f) => followupJson(f, isoDate(ctx.now))),
    orders: orders.map(orderJson),
    campaigns,
    history: history.map((h) => ({ at: h.at, actor: h.actor, command: h.command, action: h.action, before: h.before, after: h.after, note: h.note })),
  };
  return document(`${JSON.stringify(doc, null, 2)}\n`);
}
