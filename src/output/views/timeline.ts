import type { CustomerTimeline } from '../../domain/timeline.js';
import type { Column, Section } from '../view.js';
import { activityColumns } from './activity.js';
import { dealColumns } from './deal.js';
import { followupColumns } from './followup.js';
import { orderSummaryText } from './order.js';

/** The line every customer view adds to its own fields: the order summary is one line, with orders or without. */
export const timelineFields: Column<{ orders: CustomerTimeline['orders'] }>[] = [
  { header: 'Orders', key: 'orders', value: (r, money) => orderSummaryText(r.orders, money) },
];

/** The sections every customer view shows after its own fields. */
export function timelineSections(t: CustomerTimeline): Section[] {
  return [
    { title: 'Open deals', key: 'openDeals', rows: () => t.openDeals, columns: dealColumns.filter((c) => c.key !== 'company'), empty: 'none' },
    { title: 'Latest activities', key: 'latestActivities', rows: () => t.latestActivities, columns: activityColumns, empty: 'none logged' },
    { title: 'Open follow-ups', key: 'openFollowups', rows: () => t.openFollowups, columns: followupColumns, empty: 'none' },
  ];
}
