import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seriesDate } from '../../src/domain/followup.js';
import { pythonWith, runPython } from '../support/python.js';
import { sandbox } from '../support/inprocess.js';

const found = pythonWith(['icalendar', 'dateutil']);
if (found.missing) {
  const message = `crm's iCalendar files cannot be checked by an outside reader: ${found.missing}`;
  if (process.env.CI === 'true') throw new Error(`${message} (CI=true: .ci/run installs it, so this is a broken CI machine)`);
  console.warn(`\n*** SKIPPED: ${message} ***\n`);
}

/**
 * Every component as python3-icalendar reads it, and the first dates of each repeating one as python-dateutil
 * expands its DTSTART, RRULE and RDATEs (RFC 5545's recurrence set), the way calendar servers written in Python do.
 */
const READ = `
import json, sys
from datetime import date, datetime
from dateutil.rrule import rruleset, rrulestr
from icalendar import Calendar
cal = Calendar.from_ical(open(sys.argv[1], 'rb').read())
def when(v):
    if v is None: return None
    d = v.dt
    kind = 'date' if not isinstance(d, datetime) else ('floating' if d.tzinfo is None else 'utc')
    return [d.isoformat(), kind]
out = {'calendar': {k: str(cal.get(k)) for k in ('PRODID', 'VERSION')}, 'items': []}
for c in cal.walk():
    if c.name not in ('VTODO', 'VEVENT'): continue
    item = {'kind': c.name, 'uid': str(c.get('UID')), 'summary': str(c.get('SUMMARY')), 'description': c.get('DESCRIPTION') and str(c.get('DESCRIPTION')),
            'due': when(c.get('DUE')), 'start': when(c.get('DTSTART')), 'recurrenceId': when(c.get('RECURRENCE-ID')),
            'duration': c.get('DURATION') and c.get('DURATION').dt.total_seconds(), 'priority': c.get('PRIORITY'), 'status': c.get('STATUS') and str(c.get('STATUS')),
            'attendee': c.get('ATTENDEE') and [str(c.get('ATTENDEE')), dict(c.get('ATTENDEE').params)], 'stamp': when(c.get('DTSTAMP'))}
    if c.get('RRULE'):
        start = c.get('DTSTART').dt
        s = rruleset()
        s.rrule(rrulestr(c.get('RRULE').to_ical().decode(), dtstart=datetime(start.year, start.month, start.day)))
        rdates = c.get('RDATE')
        for r in (rdates if isinstance(rdates, list) else [rdates] if rdates else []):
            for d in r.dts: s.rdate(datetime(d.dt.year, d.dt.month, d.dt.day))
        item['series'] = [d.date().isoformat() for d in s[:14]]
    out['items'].append(item)
print(json.dumps(out, ensure_ascii=False))
`;

describe.skipIf(found.missing !== null)('iCalendar files crm writes, read by python3-icalendar and expanded by python-dateutil', () => {
  it('gives back every item, its times as crm means them, and the dates of each series', async () => {
    const { run, json, home } = sandbox();
    await run(['contact', 'add', 'Müller, Hans', '--email', 'hans@acme.example']);
    const title = `Quarterly review with 张伟 and Müller; agenda, numbers \\ plans ${'长'.repeat(40)}`;
    await run(['followup', 'add', title, '--due', '2026-03-30 09:15', '--repeat', 'monthly', '--contact', 'Müller, Hans']);
    await run(['followup', 'add', 'Month end', '--due', '2026-01-31', '--repeat', '1m'], { env: { CRM_NOW: '2026-01-10T10:00:00Z' } });
    await run(['followup', 'done', 'Month end'], { env: { CRM_NOW: '2026-02-01T10:00:00Z' } });
    await run(['followup', 'snooze', 'Month end', '--until', '2026-03-03']);
    await run(['log', 'meeting', 'Müller, Hans', '--summary', 'Demo\nwith the whole team', '--at', '2026-03-12T10:00:00Z']);
    const file = join(home, 'crm.ics');
    expect((await run(['export', 'ics', '--output', file, '--duration', '1h30m'])).exitCode).toBe(0);
    const read = runPython(found.python!, READ, [file]) as { calendar: unknown; items: any[] };
    const [monthEnd, snoozed, review, demo] = read.items;
    const listed = { followup: await json(['followup', 'list', '--all']), activity: await json(['log', 'list']) };
    const uuid = async (kind: 'followup' | 'activity', id: number) => `${listed[kind].find((r: { id: number }) => r.id === id).uuid}@crm`;
    expect(read.calendar).toEqual({ PRODID: '-//crm//crm//EN', VERSION: '2.0' });
    expect(read.items.length).toBe(4);
    expect(review).toMatchObject({
      kind: 'VTODO', uid: await uuid('followup', 1), summary: title, description: 'Contact: Müller, Hans <hans@acme.example>',
      due: ['2026-03-30T09:15:00', 'floating'], start: ['2026-03-30T09:15:00', 'floating'], priority: 5, status: 'NEEDS-ACTION',
      stamp: ['2026-03-11T10:30:00+00:00', 'utc'],
    });
    expect(review.series).toEqual(Array.from({ length: 14 }, (_, n) => seriesDate('2026-03-30', { every: 1, unit: 'm' }, n)));
    expect(review.series.slice(10, 13)).toEqual(['2027-01-30', '2027-02-28', '2027-03-30']);
    expect([monthEnd.uid, monthEnd.start, monthEnd.due, monthEnd.series.slice(0, 4)]).toEqual([await uuid('followup', 3), ['2026-02-28', 'date'],
      ['2026-02-28', 'date'], ['2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']]);
    expect([snoozed.uid, snoozed.recurrenceId, snoozed.due]).toEqual([monthEnd.uid, ['2026-02-28', 'date'], ['2026-03-03', 'date']]);
    expect(demo).toMatchObject({
      kind: 'VEVENT', uid: await uuid('activity', 1), summary: 'Demo', description: 'Demo\nwith the whole team\nContact: Müller, Hans <hans@acme.example>',
      start: ['2026-03-12T10:00:00+00:00', 'utc'], duration: 5400,
      attendee: ['mailto:hans@acme.example', { CN: 'Müller, Hans', ROLE: 'REQ-PARTICIPANT' }],
    });
  });
});
