import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sandbox as inProcess } from '../support/inprocess.js';
import { BIN, sandbox } from './crm.js';

/**
 * Every row of the database at `path` but what differs between two files by design: the migrations' and the
 * stages' stamps and UUIDs (made when the file was), and the command line that made it (it names the file).
 * The search index is its shadow tables, as FTS5 wrote them.
 */
function rows(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db.prepare(`select name from sqlite_master where type = 'table' and sql not like 'create virtual%'
      and name not in ('kysely_migration', 'kysely_migration_lock', 'stage', 'change_set') order by name`).pluck().all() as string[];
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`select * from "${t}"`).raw().all()]));
  } finally {
    db.close();
  }
}

// The demo writes most tables on a second thread started from its program's text (store/sqlite/side-thread.ts).
// Written out of the bundle, that text breaks if the build renames or wraps what it refers to; the demo then fails.
describe('crm demo\'s second thread, from the built bundle', () => {
  it('writes the database the sources write, row for row', async () => {
    const { run, home } = sandbox();
    const built = await run(['demo', '--scale', '300', '--db', join(home, 'built.db')]);
    expect([built.exitCode, built.stderr]).toEqual([0, `note: created a new database at ${join(home, 'built.db')}\n`]);
    const here = inProcess({ CRM_NOW: '2026-03-11T10:30:00Z' });
    expect((await here.run(['demo', '--scale', '300', '--db', join(home, 'sources.db')])).exitCode).toBe(0);
    const [a, b] = [rows(join(home, 'built.db')), rows(join(home, 'sources.db'))];
    expect(a.contact).toHaveLength(300);
    expect(a.search_index_content).toHaveLength(300 + 60 + 30 + 150);
    expect(a).toEqual(b);
    expect(readdirSync(home).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('killed while both threads write, leaves no half-made database, and runs again', async () => {
    const { run, home } = sandbox();
    const path = join(home, 'big.db');
    const child = spawn('node', [BIN, 'demo', '--scale', '20000', '--db', path], { env: { ...process.env, HOME: home, CRM_NOW: '2026-03-11T10:30:00Z' }, stdio: 'ignore' });
    const exited = new Promise<string | null>((done) => child.on('exit', (_code, signal) => done(signal)));
    // Both private copies exist once the second thread has its file: the load is under way.
    const copies = () => readdirSync(home).filter((f) => /^\.big\.db\.load-.*\.tmp$/.test(f));
    while (copies().length < 2 && child.exitCode === null) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(existsSync(path)).toBe(true);
    const db = new Database(path, { readonly: true });
    expect(['company', 'contact', 'orders', 'search_index'].map((t) => db.prepare(`select count(*) from ${t}`).pluck().get())).toEqual([0, 0, 0, 0]);
    db.close();
    const again = await run(['demo', '--scale', '300', '--db', path, '--json']);
    expect([again.exitCode, JSON.parse(again.stdout).contacts]).toEqual([0, 300]);
  });
});
