import type { AgendaDay, AgendaItem } from '../../domain/agenda.js';
import type { MoneyText } from '../money.js';
import type { Column, Output, Section } from '../view.js';
import { record } from '../view.js';

export interface AgendaJson {
  asOf: string;
  period: string;
  from: string;
  to: string;
  owner: string | null;
  overdue: AgendaItem[];
  days: AgendaDay[];
}

const LABEL = { followup: 'follow-up', deal: 'deal', meeting: 'meeting' } as const;

/** What a person needs beside the title: who it is with, and for a deal its value and stage. */
function detail(i: AgendaItem, money: MoneyText): string {
  return [i.amount !== undefined && i.currency ? money(i.amount, i.currency) : null, i.stage && `${i.stage} ${i.probability}%`, i.contact?.name, i.company?.name, i.deal && `deal: ${i.deal.name}`,
    i.priority === 'high' ? 'high priority' : null].filter(Boolean).join(' · ');
}

const itemColumns: Column<AgendaItem>[] = [
  { header: 'Time', key: 'time', value: (i) => i.time ?? '' },
  { header: 'What', key: 'kind', value: (i) => `${LABEL[i.kind]} #${i.id}` },
  { header: 'Title', key: 'title', value: (i) => (i.kind === 'deal' ? `${i.title} closes` : i.title) },
  { header: 'Details', key: 'detail', value: detail },
  { header: 'Owner', key: 'owner', value: (i) => i.owner },
];

const overdueColumns: Column<AgendaItem>[] = [{ header: 'Due', key: 'date', value: (i) => i.date }, ...itemColumns.slice(1)];

/** An item as machines want it: the date on every row, the links and the deal's figures in columns of their own. */
const itemFields: Column<AgendaItem>[] = [
  { header: 'Date', key: 'date', value: (i) => i.date },
  { header: 'Time', key: 'time', value: (i) => i.time },
  { header: 'Kind', key: 'kind', value: (i) => i.kind },
  { header: 'ID', key: 'id', value: (i) => i.id },
  { header: 'Title', key: 'title', value: (i) => i.title },
  { header: 'Contact', key: 'contact', value: (i) => i.contact?.name },
  { header: 'Company', key: 'company', value: (i) => i.company?.name },
  { header: 'Deal', key: 'deal', value: (i) => i.deal?.name },
  { header: 'Amount', key: 'amount', value: (i) => i.amount, type: 'money', currency: (i) => i.currency ?? null },
  { header: 'Currency', key: 'currency', value: (i) => i.currency },
  { header: 'Stage', key: 'stage', value: (i) => i.stage },
  { header: 'Probability', key: 'probability', value: (i) => i.probability },
  { header: 'Priority', key: 'priority', value: (i) => i.priority },
  { header: 'Owner', key: 'owner', value: (i) => i.owner },
];

const weekday = (date: string) => new Date(`${date}T12:00:00`).toLocaleDateString('en-US', { weekday: 'long' });

export function agendaView(a: AgendaJson): Output {
  const sections: Section[] = [];
  if (a.overdue.length) sections.push({ title: `Overdue (${a.overdue.length})`, rows: () => a.overdue, columns: overdueColumns, audience: 'people' });
  for (const day of a.days) {
    sections.push({ title: `${weekday(day.date)} ${day.date}${day.date === a.asOf ? ' (today)' : ''}`, rows: () => day.items, columns: itemColumns,
      audience: 'people' });
  }
  if (!sections.length) {
    sections.push({ title: 'Nothing scheduled', rows: () => [], columns: itemColumns, empty: 'no follow-ups, closing deals or meetings', audience: 'people' });
  }
  sections.push({ title: 'Overdue', key: 'overdue', rows: () => a.overdue, columns: itemFields, audience: 'machines' },
    { title: 'Scheduled', key: 'days', rows: () => a.days.flatMap((d) => d.items), columns: itemFields, audience: 'machines' });
  return record(a as unknown as Record<string, unknown>, [
    { header: 'Agenda', key: 'period', value: (r: AgendaJson) => (r.from === r.to ? r.from : `${r.from} to ${r.to}`) },
    { header: 'Owner', key: 'owner', value: (r: AgendaJson) => r.owner ?? 'everyone' },
  ], { sections });
}
