import type { FollowupJson } from '../../domain/followup.js';
import { type Column, list, type Output, record } from '../view.js';
import { regarding } from './activity.js';

export const followupColumns: Column<FollowupJson>[] = [
  { header: 'ID', key: 'id', value: (f) => f.id },
  { header: 'Due', key: 'due', value: (f) => (f.dueTime ? `${f.due} ${f.dueTime}` : f.due) },
  { header: 'Title', key: 'title', value: (f) => f.title },
  { header: 'With', key: 'regarding', value: regarding },
  { header: 'Priority', key: 'priority', value: (f) => f.priority },
  { header: 'Repeat', key: 'repeat', value: (f) => f.repeat },
  { header: 'Owner', key: 'owner', value: (f) => f.owner },
  { header: 'Status', key: 'status', value: (f) => (f.overdue ? `overdue ${f.daysOverdue}d` : f.status) },
];

const followupFields: Column<FollowupJson>[] = [
  ...followupColumns,
  { header: 'Done at', key: 'doneAt', value: (f) => f.doneAt, type: 'datetime' },
  { header: 'Notes', key: 'notes', value: (f) => f.notes },
];

/** `overdue`: the list was asked for overdue ones only, and an empty one says so. */
export const followupList = (rows: FollowupJson[], overdue = false): Output =>
  list(rows, followupColumns, overdue ? 'nothing overdue' : 'no follow-ups match');
export const followupView = (f: FollowupJson & { next?: FollowupJson | null }, done?: string): Output =>
  record(f, followupFields, { done });
