import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../src/domain/activity.js';
import type { Followup } from '../../src/domain/followup.js';
import { parseMinutes, writeCalendar } from '../../src/domain/ical/calendar.js';

const stamps = { createdAt: '2026-03-01T09:00:00.000Z', updatedAt: '2026-03-02T10:15:30.123Z', createdBy: 'alice', updatedBy: 'alice' };
const followup = (over: Partial<Followup>): Followup => ({
  id: 1, uuid: '11111111-1111-4111-8111-111111111111', title: 'Send contract', dueDate: '2026-03-12', dueTime: null, owner: 'alice',
  priority: 'normal', status: 'open', doneAt: null, repeat: null, seriesAnchor: null, seriesDue: null, notes: null, contactId: null,
  companyId: null, dealId: null, contact: null, company: null, deal: null, ...stamps, ...over,
});
const meeting = (over: Partial<Activity>): Activity => ({
  id: 7, uuid: '77777777-7777-4777-8777-777777777777', type: 'meeting', at: '2026-03-13T13:30:00.000Z', summary: 'Demo', outcome: null,
  direction: null, satisfaction: null, contactId: null, companyId: null, dealId: null, contact: null, company: null, deal: null, ...stamps, ...over,
});
const contacts = new Map([[3, { name: 'Müller, "Hans"', emails: ['hans@acme.example', 'h@home.example'] }]]);
const write = (followups: Followup[], meetings: Activity[] = [], minutes = 60) =>
  writeCalendar({ followups, meetings, contacts, meetingMinutes: minutes, prodid: '-//crm//crm//EN' });
/** The content lines of each component, unfolded, without the stamps every one has. */
const components = (text: string) => text.replace(/\r\n /g, '').split(/\r\nBEGIN:/).slice(1)
  .map((c) => c.split('\r\n').filter((l) => !/^(DTSTAMP|CREATED|LAST-MODIFIED):/.test(l) && l !== '' && !l.startsWith('END:VCALENDAR')));

describe('writeCalendar', () => {
  it('writes the calendar and a follow-up as VTODO: DATE or floating DATE-TIME, PRIORITY, STATUS, what it is about', () => {
    const text = write([
      followup({ priority: 'high', notes: 'Bring the draft; ask about VAT, too.', contactId: 3, contact: { id: 3, name: 'Hans Müller' },
        company: { id: 2, name: 'Acme GmbH' }, deal: { id: 4, name: 'Acme renewal' } }),
      followup({ id: 2, uuid: '22222222-2222-4222-8222-222222222222', title: 'Call back', dueTime: '14:00', priority: 'low' }),
    ]);
    expect(text.split('\r\n').slice(0, 6)).toEqual(['BEGIN:VCALENDAR', 'PRODID:-//crm//crm//EN', 'VERSION:2.0', 'CALSCALE:GREGORIAN',
      'X-WR-CALNAME:crm', 'BEGIN:VTODO']);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text).toContain('\r\nDTSTAMP:20260302T101530Z\r\nCREATED:20260301T090000Z\r\nLAST-MODIFIED:20260302T101530Z\r\n');
    expect(components(text)).toEqual([
      ['VTODO', 'UID:11111111-1111-4111-8111-111111111111@crm', 'SUMMARY:Send contract',
        'DESCRIPTION:Bring the draft\\; ask about VAT\\, too.\\nContact: Hans Müller <hans@acme.example>\\nCompany: Acme GmbH\\nDeal: Acme renewal',
        'DUE;VALUE=DATE:20260312', 'PRIORITY:1', 'STATUS:NEEDS-ACTION', 'END:VTODO'],
      ['VTODO', 'UID:22222222-2222-4222-8222-222222222222@crm', 'SUMMARY:Call back', 'DUE:20260312T140000', 'PRIORITY:9',
        'STATUS:NEEDS-ACTION', 'END:VTODO'],
    ]);
  });

  it('writes a repeating follow-up with DTSTART and its RRULE; a snoozed occurrence as a RECURRENCE-ID of its own; a done one COMPLETED without RRULE', () => {
    const text = write([
      followup({ repeat: { every: 1, unit: 'm' }, dueDate: '2026-03-02', seriesAnchor: '2026-01-31', seriesDue: '2026-02-28' }),
      followup({ id: 2, uuid: '22222222-2222-4222-8222-222222222222', repeat: { every: 2, unit: 'w' }, dueDate: '2026-03-11', dueTime: '09:30',
        seriesAnchor: '2026-02-25', seriesDue: '2026-03-11' }),
      followup({ id: 3, uuid: '33333333-3333-4333-8333-333333333333', repeat: { every: 1, unit: 'q' }, status: 'done', doneAt: '2026-03-05T16:00:00.000Z' }),
    ]);
    expect(components(text)).toEqual([
      ['VTODO', 'UID:11111111-1111-4111-8111-111111111111@crm', 'SUMMARY:Send contract', 'DTSTART;VALUE=DATE:20260228', 'DUE;VALUE=DATE:20260228',
        'PRIORITY:5', 'STATUS:NEEDS-ACTION', 'RRULE:FREQ=MONTHLY;BYMONTHDAY=-1', 'END:VTODO'],
      ['VTODO', 'UID:11111111-1111-4111-8111-111111111111@crm', 'SUMMARY:Send contract', 'DTSTART;VALUE=DATE:20260302', 'DUE;VALUE=DATE:20260302',
        'PRIORITY:5', 'STATUS:NEEDS-ACTION', 'RECURRENCE-ID;VALUE=DATE:20260228', 'END:VTODO'],
      ['VTODO', 'UID:22222222-2222-4222-8222-222222222222@crm', 'SUMMARY:Send contract', 'DTSTART:20260311T093000', 'DUE:20260311T093000',
        'PRIORITY:5', 'STATUS:NEEDS-ACTION', 'RRULE:FREQ=WEEKLY;INTERVAL=2', 'END:VTODO'],
      ['VTODO', 'UID:33333333-3333-4333-8333-333333333333@crm', 'SUMMARY:Send contract', 'DUE;VALUE=DATE:20260312', 'PRIORITY:5', 'STATUS:COMPLETED',
        'COMPLETED:20260305T160000Z', 'PERCENT-COMPLETE:100', 'END:VTODO'],
    ]);
    const thirtieth = write([followup({ repeat: { every: 1, unit: 'm' }, dueDate: '2026-03-30', seriesAnchor: '2026-01-30', seriesDue: '2026-03-30', dueTime: '08:00' })]);
    expect(components(thirtieth)[0]).toContain('RDATE:20270228T080000,20280229T080000,20290228T080000,20300228T080000,20310228T080000,' +
      '20320229T080000,20330228T080000,20340228T080000,20350228T080000,20360229T080000');
  });

  it('writes a meeting as VEVENT: DTSTART in UTC, DURATION, SUMMARY, the contact as ATTENDEE with a quoted name', () => {
    const text = write([], [meeting({ summary: 'Demo for Hans\nShowed the reports; he liked them', outcome: 'trial', contactId: 3,
      contact: { id: 3, name: 'Müller, "Hans"' }, company: { id: 2, name: 'Acme GmbH' } })], 90);
    expect(components(text)).toEqual([[
      'VEVENT', 'UID:77777777-7777-4777-8777-777777777777@crm', 'SUMMARY:Demo for Hans', 'DTSTART:20260313T133000Z', 'DURATION:PT1H30M',
      'DESCRIPTION:Demo for Hans\\nShowed the reports\\; he liked them\\nOutcome: trial\\nContact: Müller\\, "Hans" <hans@acme.example>\\nCompany: Acme GmbH',
      'ATTENDEE;CN="Müller, ^\'Hans^\'";ROLE=REQ-PARTICIPANT:mailto:hans@acme.example', 'END:VEVENT',
    ]]);
  });

  it('folds at 75 octets and ical.js reads back any title and notes', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 400 }), (title, notes) => {
      const text = write([followup({ title, notes: notes || null })]);
      for (const l of text.split('\r\n')) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
      const todo = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vtodo')!;
      expect(todo.getFirstPropertyValue('summary')).toBe(title);
      if (notes) expect(todo.getFirstPropertyValue('description')).toBe(notes);
    }), { numRuns: 300 });
  });
});

describe('parseMinutes', () => {
  it('reads 45, 45m, 1h, 1h30m, 1.5h; refuses nothing, zero and more than a day', () => {
    expect(['45', '45m', '1h', '1h30m', '1h 30m', '1.5h', '90min', '', '0', '25h', 'soon'].map(parseMinutes))
      .toEqual([45, 45, 60, 90, 90, 90, 90, null, null, null, null]);
  });
});
