import { type Link, type Stamps, stampsJson, type Page } from './record.js';

export const ACTIVITY_TYPES = ['call', 'email', 'meeting', 'note'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export const DIRECTIONS = ['inbound', 'outbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface ActivityFields {
  type: ActivityType;
  /** ISO 8601 instant it happened (or, for a meeting ahead, will happen). */
  at: string;
  summary: string;
  outcome: string | null;
  direction: Direction | null;
  /** The customer's satisfaction 1-5, read by the loyalty matrix (analytics.md). */
  satisfaction: number | null;
  contactId: number | null;
  companyId: number | null;
  dealId: number | null;
}

export interface Activity extends ActivityFields, Stamps {
  id: number;
  contact: Link | null;
  company: Link | null;
  deal: Link | null;
}

export function activityJson(a: Activity) {
  return {
    id: a.id, type: a.type, at: a.at, summary: a.summary, outcome: a.outcome, direction: a.direction,
    satisfaction: a.satisfaction, contact: a.contact, company: a.company, deal: a.deal, loggedBy: a.createdBy,
    ...stampsJson(a),
  };
}
export type ActivityJson = ReturnType<typeof activityJson>;

export interface ActivityFilter {
  /** Instead of the sort and limit: one page in id order (exports). */
  page?: Page;
  type?: ActivityType;
  contactId?: number;
  companyId?: number;
  dealId?: number;
  /** Who logged it. */
  owner?: string;
  from?: string;
  to?: string;
  search?: string;
  limit?: number;
  /** Latest first unless false. */
  desc?: boolean;
}
