import type { ActivityJson } from './activity.js';
import type { DealJson } from './deal.js';
import type { FollowupJson } from './followup.js';
import type { OrderSummary } from './order.js';

/** One view of a customer: what `company show` and `contact show` add after the record's own fields. */
export interface CustomerTimeline {
  openDeals: DealJson[];
  latestActivities: ActivityJson[];
  openFollowups: FollowupJson[];
  orders: OrderSummary;
}
