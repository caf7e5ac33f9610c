import { type Output, record } from '../view.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const exportedCalendar = (followups: number, meetings: number, file: string | null) =>
  `exported ${plural(followups, 'follow-up', 'follow-ups')} and ${plural(meetings, 'meeting', 'meetings')} as iCalendar${file ? ` to ${file}` : ''}`;

export const icsExportView = (r: { file: string; followups: number; meetings: number; bytes: number }, done: string): Output => record(r, [
  { header: 'File', key: 'file', value: (x) => x.file },
  { header: 'Follow-ups', key: 'followups', value: (x) => x.followups, type: 'count' },
  { header: 'Meetings', key: 'meetings', value: (x) => x.meetings, type: 'count' },
  { header: 'Size (bytes)', key: 'bytes', value: (x) => x.bytes, type: 'count' },
], { done });
