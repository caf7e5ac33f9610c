import type { Contact } from '../../domain/contact.js';
import type { OrgNode } from '../../domain/orgchart.js';
import type { Link } from '../../domain/record.js';
import type { Output, TreeNode } from '../view.js';

interface OrgJson {
  id: number;
  name: string;
  title: string | null;
  role: string | null;
  reports: OrgJson[];
}

const json = (n: OrgNode<Contact>): OrgJson => ({
  id: n.item.id, name: n.item.name, title: n.item.title, role: n.item.role, reports: n.reports.map(json),
});

const node = (n: OrgNode<Contact>): TreeNode => ({
  label: n.item.name,
  detail: [n.item.title, n.item.role && `[${n.item.role}]`].filter(Boolean).join(' ') || undefined,
  children: n.reports.map(node),
});

/** The org chart as a tree on a terminal, nested `reports` in JSON. */
export function orgChartView(company: Link, roots: OrgNode<Contact>[]): Output {
  return {
    kind: 'tree',
    data: { company, contacts: roots.map(json) },
    root: company.name,
    nodes: roots.map(node),
    empty: `${company.name} has no contacts yet`,
  };
}
