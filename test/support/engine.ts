import pg from 'pg';
import { inject, it } from 'vitest';
import type { PgServer } from './pg-global.js';

/** The engine this run of the suite tests: the postgres project provides its cluster, the sqlite one nothing. */
export const server: PgServer | null = inject('pg') ?? null;
export const onPostgres = server !== null;
export const engineName = onPostgres ? 'postgres' : 'sqlite';

let admin: Promise<pg.Client> | undefined;
let made = 0;

function adminClient(s: PgServer): Promise<pg.Client> {
  admin ??= (async () => {
    const c = new pg.Client({ host: s.socket, port: s.port, user: s.superuser, database: 'postgres' });
    c.on('error', () => {});
    await c.connect();
    return c;
  })();
  return admin;
}

const quoteId = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A login role for `user` (a superuser: the command tests are about crm's behaviour, the team tests make real roles). */
export async function ensureRole(user: string): Promise<void> {
  const c = await adminClient(server!);
  try {
    await c.query(`create role ${quoteId(user)} login superuser`);
  } catch (e) {
    // Another test (or worker) made it first.
    if ((e as { code?: string }).code !== '42710' && (e as { code?: string }).code !== '23505') throw e;
  }
}

/**
 * Runs `fn` while no other worker runs one: roles are the cluster's, not a database's, and PostgreSQL fails two
 * workers changing one role at once ("tuple concurrently updated"), as two tests adding bob to their teams would.
 * The lock is taken in the admin session's database, which every worker's admin session shares.
 */
export async function oneAtATime<T>(fn: () => Promise<T>): Promise<T> {
  const c = await adminClient(server!);
  await c.query('select pg_advisory_lock(16016)');
  try {
    return await fn();
  } finally {
    await c.query('select pg_advisory_unlock(16016)');
  }
}

/** A fresh database made from the migrated template (or, `empty`, a new one crm has never opened); returns its name. */
export async function freshDatabase(owner?: string, empty = false): Promise<string> {
  const s = server!;
  const c = await adminClient(s);
  const name = `crm_${process.pid}_${++made}`;
  await c.query(`create database ${name} template ${empty ? 'template0' : s.template} strategy file_copy${owner ? ` owner ${quoteId(owner)}` : ''}`);
  return name;
}

/** Runs `sql` as the cluster's superuser in `database`. */
export async function asSuperuser(database: string, text: string): Promise<void> {
  const s = server!;
  const c = new pg.Client({ host: s.socket, port: s.port, user: s.superuser, database });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** The URL of `database` on the suite's cluster, logged in as `user`. */
export function databaseUrl(database: string, user: string): string {
  const s = server!;
  return `postgresql:///${database}?host=${encodeURIComponent(s.socket)}&port=${s.port}&user=${encodeURIComponent(user)}`;
}

/**
 * A test of SQLite itself (its file, its modes, its locks) or of who you are by CRM_USER and config "user", which a
 * team server replaces by the login: run on SQLite only.
 */
export const sqliteOnly = it.skipIf(onPostgres);
