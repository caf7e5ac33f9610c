import type { Action } from '../../domain/next.js';
import { type Column, type Output, record } from '../view.js';

export interface NextData {
  owner: string;
  date: string;
  total: number;
  actions: Action[];
}

const columns: Column<Action>[] = [
  { header: '#', key: 'rank', value: (a) => a.rank },
  { header: 'Action', key: 'kind', value: (a) => a.kind },
  { header: 'About', key: 'subject', value: (a) => a.subject.name },
  { header: 'Why', key: 'reason', value: (a) => a.reason },
  { header: 'Amount', key: 'amount', value: (a) => a.amount, type: 'money', currency: (a) => a.currency },
  { header: 'Do', key: 'command', value: (a) => a.command },
];

/** crm next: the ranked actions; JSON is {owner, date, total, actions: [{rank, kind, subject, reason, command, amount, currency}]}. */
export const nextView = (r: NextData): Output => record({ ...r }, [
  { header: 'For', key: 'owner', value: (x: NextData) => x.owner },
  { header: 'Date', key: 'date', value: (x: NextData) => x.date },
  { header: 'Actions', key: 'total', value: (x: NextData) => x.total, type: 'count' },
], { sections: [{ title: 'Next', key: 'actions', rows: (x: NextData) => x.actions, columns, empty: 'nothing pressing: a good day to prospect' }] });
