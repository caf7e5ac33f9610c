import { type Column, list, type Output } from '../view.js';

export const changeSetColumns: Column[] = [
  { header: 'ID', key: 'id', value: (r) => r.id },
  { header: 'When', key: 'at', value: (r) => r.at, type: 'datetime' },
  { header: 'Who', key: 'actor', value: (r) => r.actor },
  { header: 'Records', key: 'records', value: (r) => r.records, type: 'count' },
  { header: 'Command', key: 'command', value: (r) => r.command },
  { header: 'Note', key: 'note', value: (r) => r.note },
];

export const changeSetList = (sets: unknown[]): Output => list(sets, changeSetColumns, 'no change sets yet');

export const undoneFields: Column[] = [
  { header: 'Change set', key: 'changeSet', value: (r) => r.changeSet },
  { header: 'Undid', key: 'undid', value: (r) => r.undid },
  { header: 'Command', key: 'command', value: (r) => r.command },
  { header: 'By', key: 'actor', value: (r) => r.actor },
  { header: 'At', key: 'at', value: (r) => r.at, type: 'datetime' },
  { header: 'Records', key: 'records', value: (r) => r.records, type: 'count' },
];

export const undoneNotice = (u: { undid: number; command: string; records: number; changeSet: number }) =>
  `undid change set #${u.undid} (${u.command}): ${u.records} record change(s) reverted as change set #${u.changeSet}; 'crm undo' again redoes it`;
