import { activityJson } from '../domain/activity.js';
import { isoDate } from '../domain/dates.js';
import { dealJson } from '../domain/deal.js';
import { followupJson } from '../domain/followup.js';
import { summarizeOrders } from '../domain/order.js';
import type { CustomerTimeline } from '../domain/timeline.js';
import type { Repos } from '../store/store.js';

const LATEST_ACTIVITIES = 5;

/**
 * One view of a customer (company or person): open deals, the latest activities, open follow-ups and an order
 * summary, as `company show` and `contact show` include them.
 */
export async function customerTimeline(repos: Repos, kind: 'company' | 'contact', id: number, now: Date): Promise<CustomerTimeline> {
  const filter = kind === 'company' ? { companyId: id } : { contactId: id };
  const today = isoDate(now);
  const [deals, activities, followups, amounts] = await Promise.all([
    repos.deals.list({ ...filter, status: 'open' }),
    repos.activities.list({ ...filter, limit: LATEST_ACTIVITIES }),
    repos.followups.list(filter),
    repos.orders.amountsFor({ kind, id }),
  ]);
  return {
    openDeals: deals.map((d) => dealJson(d, now)),
    latestActivities: activities.map(activityJson),
    openFollowups: followups.map((f) => followupJson(f, today)),
    orders: summarizeOrders(amounts),
  };
}
