import type { CustomerTimeline } from '../../domain/timeline.js';
import type { Section } from '../view.js';
import { activityColumns } from './activity.js';
import { dealColumns } from './deal.js';
import { followupColumns } from './followup.js';
import { orderSummaryText } from './order.js';

/** The sections every customer view shows after its own fields. */
export function timelineSections(t: CustomerTimeline): Section[] {
  return [
    { title: 'Open deals', key: 'openDeals', rows: () => t.openDeals, columns: dealColumns.filter((c) => c.key !== 'company'), empty: 'none' },
    { title: 'Latest activities', key: 'latestActivities', rows: () => t.latestActivities, columns: activityColumns, empty: 'none logged' },
    { title: 'Open follow-ups', key: 'openFollowups', rows: () => t.openFollowups, columns: followupColumns, empty: 'none' },
    { title: 'Orders', key: 'orders', rows: () => [t.orders], columns: [{ header: 'Summary', key: 'orders', value: orderSummaryText }] },
  ];
}
