import ICAL from 'ical.js';
import type { Activity } from '../activity.js';
import type { Followup, Priority } from '../followup.js';
import { uidOf } from '../uid.js';
import { recurrence, rruleText } from './rrule.js';

/**
 * Follow-ups and meetings as one iCalendar file (RFC 5545), built with ical.js, which escapes text, quotes
 * parameters (RFC 6868 carets too) and folds lines; with foldLength 74 a continuation line is a space and 74 octets,
 * 75 in all, and it folds between characters, never inside a UTF-8 sequence.
 *
 * Times. A follow-up's due date and time are local wall-clock values without a zone (crm stores 2026-03-12 and 14:00,
 * "14:00 wherever you are"): DUE is a DATE, or a floating DATE-TIME (RFC 5545 3.3.5, form 1), which a calendar
 * shows at 14:00 in its own zone. Turning it into UTC would need the exporting machine's zone and would move the
 * follow-up for a reader elsewhere. A meeting's time is an instant (crm stores it in UTC): DTSTART is UTC.
 * DTSTAMP, CREATED and LAST-MODIFIED are UTC; DTSTAMP is the record's last change (no METHOD: RFC 5545 3.8.7.2),
 * so exporting twice gives the same file.
 */

// RFC 5545 3.1: 75 octets a line, the continuation's leading space included.
ICAL.foldLength = 74;

export interface CalendarData {
  followups: Followup[];
  /** Activities of type meeting. */
  meetings: Activity[];
  /** The contacts the follow-ups and meetings name, by id: a meeting's first email is its ATTENDEE. */
  contacts: ReadonlyMap<number, { name: string; emails: string[] }>;
  /** Every meeting's length: crm keeps when a meeting starts, not how long it lasts. */
  meetingMinutes: number;
  prodid: string;
}

/** RFC 5545 3.8.1.9: 1 is the highest, 9 the lowest, 5 the middle. */
export const ICAL_PRIORITY: Record<Priority, number> = { high: 1, normal: 5, low: 9 };

const utc = (iso: string) => ICAL.Time.fromJSDate(new Date(iso), true);

/** A DATE, or a floating DATE-TIME when there is a time of day. */
function local(date: string, time: string | null): ICAL.Time {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  if (time === null) return ICAL.Time.fromData({ year, month, day, isDate: true });
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return ICAL.Time.fromData({ year, month, day, hour, minute, second: 0, isDate: false });
}

/** What a follow-up or meeting is about, as DESCRIPTION lines after its own text. */
function about(r: Pick<Followup, 'contact' | 'contactId' | 'company' | 'deal'>, d: CalendarData): string[] {
  const contact = r.contactId === null ? undefined : d.contacts.get(r.contactId);
  const email = contact?.emails[0];
  return [
    ...(r.contact ? [`Contact: ${r.contact.name}${email ? ` <${email}>` : ''}`] : []),
    ...(r.company ? [`Company: ${r.company.name}`] : []),
    ...(r.deal ? [`Deal: ${r.deal.name}`] : []),
  ];
}

function stamped(kind: 'vtodo' | 'vevent', uid: string, r: { createdAt: string; updatedAt: string }): ICAL.Component {
  const c = new ICAL.Component(kind);
  c.addPropertyWithValue('uid', uid);
  c.addPropertyWithValue('dtstamp', utc(r.updatedAt));
  c.addPropertyWithValue('created', utc(r.createdAt));
  c.addPropertyWithValue('last-modified', utc(r.updatedAt));
  return c;
}

/**
 * A follow-up as VTODO: DUE, PRIORITY, STATUS (COMPLETED with its time when done), and for an open repeating one
 * DTSTART and DUE on the series' date with the RRULE (and RDATEs, rrule.ts) of its series; a snoozed occurrence is
 * a second VTODO with the same UID and RECURRENCE-ID, moved to the date it was snoozed to. A completed one has no
 * RRULE: the series goes on in the follow-up its completion scheduled.
 */
function todos(f: Followup, d: CalendarData): ICAL.Component[] {
  const uid = `${uidOf(f)}@crm`;
  const todo = (due: ICAL.Time, withStart: boolean) => {
    const c = stamped('vtodo', uid, f);
    c.addPropertyWithValue('summary', f.title);
    const text = [...(f.notes ? [f.notes] : []), ...about(f, d)].join('\n');
    if (text) c.addPropertyWithValue('description', text);
    if (withStart) c.addPropertyWithValue('dtstart', due);
    c.addPropertyWithValue('due', due);
    c.addPropertyWithValue('priority', ICAL_PRIORITY[f.priority]);
    c.addPropertyWithValue('status', f.status === 'done' ? 'COMPLETED' : 'NEEDS-ACTION');
    if (f.status === 'done' && f.doneAt) {
      c.addPropertyWithValue('completed', utc(f.doneAt));
      c.addPropertyWithValue('percent-complete', 100);
    }
    return c;
  };
  if (f.status !== 'open' || !f.repeat) return [todo(local(f.dueDate, f.dueTime), false)];
  const seriesDue = f.seriesDue ?? f.dueDate;
  const start = local(seriesDue, f.dueTime);
  const master = todo(start, true);
  const { rrule, rdates } = recurrence(f.repeat, f.seriesAnchor ?? f.dueDate, seriesDue);
  master.addPropertyWithValue('rrule', ICAL.Recur.fromString(rruleText(rrule)));
  if (rdates.length) {
    const p = new ICAL.Property('rdate', master);
    p.setValues(rdates.map((r) => local(r, f.dueTime)));
    master.addProperty(p);
  }
  if (f.dueDate === seriesDue) return [master];
  const moved = todo(local(f.dueDate, f.dueTime), true);
  moved.addPropertyWithValue('recurrence-id', start);
  return [master, moved];
}

/** A meeting as VEVENT: DTSTART (UTC), DURATION, SUMMARY (its first line), ATTENDEE (the contact's first email). */
function event(a: Activity, d: CalendarData): ICAL.Component {
  const c = stamped('vevent', `${uidOf(a)}@crm`, a);
  const [first = '', ...rest] = a.summary.split('\n');
  c.addPropertyWithValue('summary', first.trim());
  c.addPropertyWithValue('dtstart', utc(a.at));
  c.addPropertyWithValue('duration', ICAL.Duration.fromSeconds(d.meetingMinutes * 60));
  const text = [...(rest.join('\n').trim() ? [a.summary] : []), ...(a.outcome ? [`Outcome: ${a.outcome}`] : []), ...about(a, d)].join('\n');
  if (text) c.addPropertyWithValue('description', text);
  const contact = a.contactId === null ? undefined : d.contacts.get(a.contactId);
  if (contact?.emails[0]) {
    const attendee = new ICAL.Property('attendee', c);
    attendee.setParameter('cn', contact.name);
    attendee.setParameter('role', 'REQ-PARTICIPANT');
    attendee.setValue(`mailto:${contact.emails[0]}`);
    c.addProperty(attendee);
  }
  return c;
}

/** The whole file, CRLF line ends, follow-ups then meetings in the order given. */
export function writeCalendar(d: CalendarData): string {
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.addPropertyWithValue('prodid', d.prodid);
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('calscale', 'GREGORIAN');
  cal.addPropertyWithValue('x-wr-calname', 'crm');
  for (const f of d.followups) for (const c of todos(f, d)) cal.addSubcomponent(c);
  for (const m of d.meetings) cal.addSubcomponent(event(m, d));
  return `${cal.toString()}\r\n`;
}

/** A meeting length as people write it: 45, 45m, 1h, 1h30m, 1.5h; from 1 minute to 24 hours. */
export function parseMinutes(text: string): number | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, '');
  const m = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+)(?:m|min)?)?$/.exec(t);
  if (!t || !m || (m[1] === undefined && m[2] === undefined)) return null;
  const minutes = Math.round(Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0));
  return minutes >= 1 && minutes <= 24 * 60 ? minutes : null;
}
