import type { Context } from '../../context.js';
import { localDay } from '../../domain/calendar.js';
import { rejected } from '../../domain/check.js';
import { isoDate, parseWhen } from '../../domain/dates.js';
import { parseMinutes, writeCalendar } from '../../domain/ical/calendar.js';
import { endOfDayInstant } from '../../domain/reports/deal-state.js';
import { usageError } from '../../errors.js';
import { exportedCalendar, icsExportView } from '../../output/views/ics.js';
import { deliver, PRODID } from './shared.js';
import type { ExportInput } from './spec.js';

/** Open follow-ups (all with --all) and meetings as one iCalendar file; --from and --to are whole local days. */
export async function run({ opts }: ExportInput<'ics'>, ctx: Context) {
  const day = (text: string | undefined, field: string) => (text === undefined ? undefined : isoDate(parseWhen(text, ctx.now, field).at));
  const from = day(opts.from, '--from');
  const to = day(opts.to, '--to');
  if (from && to && from > to) throw usageError(`--from ${from} is after --to ${to}`, 'give a --from on or before --to');
  const minutes = parseMinutes(opts.duration);
  if (minutes === null) throw rejected('--duration', opts.duration, 'is not a meeting length; use e.g. 30m, 1h or 1h30m (up to 24h)');
  const store = await ctx.store();
  const followups = await store.followups.list({ status: opts.all ? 'all' : 'open', owner: opts.owner, dueFrom: from, dueTo: to });
  const meetings = await store.activities.list({ type: 'meeting', owner: opts.owner, desc: false,
    from: from && localDay(from).toISOString(), to: to && endOfDayInstant(to) });
  const ids = [...new Set([...followups, ...meetings].map((r) => r.contactId).filter((id): id is number => id !== null))];
  const contacts = new Map((await store.contacts.getMany(ids)).map((c) => [c.id, { name: c.name, emails: c.emails }]));
  const text = writeCalendar({ followups, meetings, contacts, meetingMinutes: minutes, prodid: PRODID });
  const done = exportedCalendar(followups.length, meetings.length, opts.output ?? null);
  return deliver(text, opts.output, ctx, { command: 'crm export ics', done },
    (bytes) => icsExportView({ file: opts.output!, followups: followups.length, meetings: meetings.length, bytes }, done));
}
