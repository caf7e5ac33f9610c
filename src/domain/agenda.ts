/**
 * The agenda (sales force automation's schedule by day/week/month/year): overdue follow-ups first, then day by
 * day the follow-ups due, the deals expected to close and the meetings scheduled.
 */
import type { Link } from './record.js';

export type AgendaKind = 'followup' | 'deal' | 'meeting';

export interface AgendaItem {
  kind: AgendaKind;
  id: number;
  date: string;
  /** HH:MM local, or null for all-day items. */
  time: string | null;
  title: string;
  owner: string;
  contact: Link | null;
  company: Link | null;
  deal: Link | null;
  /** Follow-ups. */
  priority?: string;
  /** Deals: amount in major units beside its currency, stage and probability. */
  amount?: number;
  currency?: string;
  stage?: string;
  probability?: number;
}

export interface AgendaDay {
  date: string;
  items: AgendaItem[];
}

const KIND_ORDER: Record<AgendaKind, number> = { meeting: 0, followup: 1, deal: 2 };

/** Orders a day's items: timed ones by time, then all-day ones; within that meetings, follow-ups, deals. */
function byTime(a: AgendaItem, b: AgendaItem): number {
  if ((a.time === null) !== (b.time === null)) return a.time === null ? 1 : -1;
  return (a.time ?? '').localeCompare(b.time ?? '') || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    a.title.localeCompare(b.title) || a.id - b.id;
}

/** Groups items dated within [from, to] by day (days without items are left out); `overdue` sorts oldest first. */
export function buildAgenda(items: AgendaItem[], overdue: AgendaItem[], from: string, to: string) {
  const days = new Map<string, AgendaItem[]>();
  for (const item of items) {
    if (item.date < from || item.date > to) continue;
    days.set(item.date, [...(days.get(item.date) ?? []), item]);
  }
  return {
    overdue: [...overdue].sort((a, b) => a.date.localeCompare(b.date) || byTime(a, b)),
    days: [...days].sort(([a], [b]) => a.localeCompare(b)).map(([date, list]) => ({ date, items: list.sort(byTime) })),
  };
}
