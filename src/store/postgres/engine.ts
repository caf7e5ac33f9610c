import { type CompiledQuery, type Kysely, sql, type SqlBool } from 'kysely';
import type { TeamRole } from '../../domain/team.js';
import type { EngineSql, ServerRoles } from '../repos/engine.js';
import type { DB } from '../schema.js';
import { contactTexts } from './contact-texts.js';
import { scramVerifier } from './scram.js';
import { PgSearchIndex } from './search.js';

/**
 * PostgreSQL's ways with what the shared repositories leave to the engine. node-postgres builds row objects fast
 * enough that a query's rows are read as they come and turned into arrays here.
 */
export function pgSql(db: Kysely<DB>): EngineSql {
  const rowsOf = async (query: { compile(): CompiledQuery }) => (await db.executeQuery<Record<string, unknown>>(query.compile())).rows;
  return {
    tuples: async (query, columns) => (await rowsOf(query)).map((r) => columns.map((c) => r[c])),
    ordered: async (query, column) => (await rowsOf(query)).map((r) => r[column]),
    columns: async (query, columns) => {
      const rows = await rowsOf(query);
      return columns.map((c) => rows.map((r) => r[c]));
    },
    search: new PgSearchIndex(db),
    contains: (column, text) => sql<SqlBool>`strpos(${sql.ref(column)}, ${text}) > 0`,
    unindexed: (column) => sql.ref(column),
    scansForLongLists: true,
    contactTexts: (ids, size, separator) => contactTexts(db, ids, size, separator),
    roles: pgRoles(db),
  };
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
const group = (role: TeamRole) => `crm_${role}`;

/**
 * Team members as login roles in the groups the migration made (0007_team). Role statements take no parameters, so
 * names are quoted here. A password goes to the server only as its SCRAM verifier (scram.ts).
 */
function pgRoles(db: Kysely<DB>): ServerRoles {
  const run = (text: string) => sql.raw(text).execute(db);
  // An admin manages the team: makes login roles and puts them in the groups.
  const adminOf = async (name: string) => {
    await run(`alter role ${ident(name)} createrole`);
    await run(`grant crm_rep, crm_manager, crm_admin to ${ident(name)} with admin option`);
  };
  return {
    async create(name, role, password) {
      const { rows } = await sql<{ n: number }>`select count(*) as n from pg_roles where rolname = ${name}`.execute(db);
      const login = `login${password === undefined ? '' : ` password ${literal(scramVerifier(password))}`}`;
      await run(`${rows[0]!.n > 0 ? 'alter' : 'create'} role ${ident(name)} ${login}`);
      await run(`grant ${group(role)} to ${ident(name)}`);
      // An admin manages the team: making and changing login roles.
      if (role === 'admin') await adminOf(name);
    },
    async setRole(name, before, role) {
      for (const r of ['rep', 'manager', 'admin'] as const) if (r !== role) await run(`revoke ${group(r)} from ${ident(name)}`);
      await run(`grant ${group(role)} to ${ident(name)}`);
      if (role === 'admin') await adminOf(name);
      else await run(`alter role ${ident(name)} nocreaterole`);
      void before;
    },
    async disable(name) {
      for (const r of ['rep', 'manager', 'admin'] as const) await run(`revoke ${group(r)} from ${ident(name)}`);
      await run(`alter role ${ident(name)} nologin nocreaterole`);
    },
  };
}
