import type { FieldChange } from '../../domain/history.js';
import { type Column, list, type Output } from '../view.js';

const show = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '∅';
  if (Array.isArray(v)) return `[${v.join(', ')}]`;
  if (typeof v === 'object' && 'name' in v) return String((v as { name: unknown }).name);
  return typeof v === 'string' ? v : JSON.stringify(v);
};

const changed = (r: { action: string; changes: FieldChange[] }) => {
  if (r.action === 'create') return 'created';
  if (r.action === 'delete') return 'deleted';
  return r.changes.map((c) => `${c.field}: ${show(c.before)} → ${show(c.after)}`).join('; ');
};

const summary = (r: { action: string; changes: FieldChange[]; note?: string | null }) =>
  (r.note ? `${changed(r)} (${r.note})` : changed(r));

export const historyColumns: Column[] = [
  { header: 'When', key: 'at', value: (r) => r.at, type: 'datetime' },
  { header: 'Who', key: 'actor', value: (r) => r.actor },
  { header: 'Action', key: 'action', value: (r) => r.action },
  { header: 'Changes', key: 'changes', value: summary },
];

export const historyList = (entries: unknown[]): Output => list(entries, historyColumns, 'no history');
