import type { TeamMember } from '../../domain/team.js';
import { list, type Column, type Output, record } from '../view.js';

export const teamColumns: Column<TeamMember>[] = [
  { header: 'Name', key: 'name', value: (r) => r.name },
  { header: 'Role', key: 'role', value: (r) => r.role },
  { header: 'Added', key: 'listed', value: (r) => r.listed, type: 'bool' },
];

export const teamList = (rows: TeamMember[]): Output => list(rows, teamColumns, 'nobody on the team yet');
export const teamView = (m: TeamMember, done: string): Output => record({ ...m }, teamColumns, { done });
export const teamAdded = (name: string, role: string, login: boolean) => `added ${name} as ${role}${login ? ' (a login on the team server)' : ''}`;
export const teamRoleSet = (name: string, role: string) => `${name} is now ${role}`;
export const teamRemoved = (name: string) => `took ${name} off the team; what they own stays theirs`;
