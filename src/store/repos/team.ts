import { sql } from 'kysely';
import type { TeamMember, TeamRole } from '../../domain/team.js';
import { Repository } from './repository.js';

/**
 * The roster: who is on the team, in which role. It always holds the current user and everyone who owns a record,
 * quota or follow-up, so that existing data and scripts keep working; `team add` names the others. On a team server
 * each member is also a login role (EngineSql.roles), made and changed in the same transaction.
 */
export class Team extends Repository {
  async roster(me: string): Promise<TeamMember[]> {
    const listed = await this.db.selectFrom('team_member').select(['name', 'role']).execute();
    const { rows: owners } = await sql<{ owner: string }>`select owner from company union select owner from contact
      union select owner from deal union select owner from followup union select owner from quota`.execute(this.db);
    const out = new Map<string, TeamMember>();
    for (const m of listed) out.set(m.name, { name: m.name, role: m.role as TeamRole, listed: true });
    for (const name of [me, ...owners.map((o) => o.owner)]) if (!out.has(name)) out.set(name, { name, role: null, listed: false });
    // Sorted as SQLite sorts text (by code point), on every engine.
    return [...out.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async member(name: string): Promise<{ name: string; role: TeamRole } | undefined> {
    const row = await this.db.selectFrom('team_member').select(['name', 'role']).where('name', '=', name).executeTakeFirst();
    return row ? { name: row.name, role: row.role as TeamRole } : undefined;
  }

  /** Inside a write: adds `name` in `role` (on a server, with a login and `password`). */
  async add(name: string, role: TeamRole, password: string | undefined): Promise<void> {
    await this.engine.roles?.create(name, role, password);
    await this.db.insertInto('team_member').values({ name, role, created_at: this.j.at, created_by: this.j.actor }).execute();
    await this.j.record('team_member', 0, 'create', null, { name, role });
  }

  async setRole(name: string, before: TeamRole | null, role: TeamRole): Promise<void> {
    await this.engine.roles?.setRole(name, before, role);
    const updated = await this.db.updateTable('team_member').set({ role }).where('name', '=', name).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      await this.db.insertInto('team_member').values({ name, role, created_at: this.j.at, created_by: this.j.actor }).execute();
    }
    await this.j.record('team_member', 0, 'update', { name, role: before }, { name, role });
  }

  /** Off the roster (and on a server, no longer able to log in); what they own stays theirs. */
  async remove(name: string, before: TeamRole | null): Promise<void> {
    await this.engine.roles?.disable(name, before);
    await this.db.deleteFrom('team_member').where('name', '=', name).execute();
    await this.j.record('team_member', 0, 'delete', { name, role: before }, null);
  }
}
