import { rejected } from './check.js';

/**
 * Parses a pinned or stored instant: a date (local midnight) or a full ISO date-time. Kept apart from dates.ts
 * so reading CRM_NOW at startup does not load date-fns.
 */
export function parseInstant(text: string, field: string): Date {
  const t = text.trim();
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const date = new Date(y, m - 1, d);
    if (date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d) return date;
  }
  const at = new Date(t);
  if (day || !/^\d{4}-\d{2}-\d{2}T/.test(t) || Number.isNaN(at.getTime())) {
    throw rejected(field, text, 'is not an ISO date or date-time; use e.g. 2026-03-15 or 2026-03-15T09:30:00Z');
  }
  return at;
}
