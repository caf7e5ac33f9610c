import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Every row of every table of a SQLite file (ours, the search index's and SQLite's own schema), as one string: two
 * dumps are equal exactly when the database holds the same. Read-only, without migrating, so a dump never changes
 * what it reads; a missing file dumps as '(none)'.
 */
export function dumpDatabase(path: string): string {
  if (!existsSync(path)) return '(none)';
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare(`select name, sql from sqlite_master where type = 'table' and name not like 'search_index_%' order by name`)
      .all() as { name: string; sql: string }[];
    const parts = [`user_version=${db.pragma('user_version', { simple: true })}`];
    for (const t of tables) {
      parts.push(`## ${t.name}: ${t.sql}`);
      const rows = db.prepare(`select * from "${t.name.replaceAll('"', '""')}" order by rowid`).raw().all();
      for (const r of rows) parts.push(JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? v.toString() : Buffer.isBuffer(v) ? v.toString('hex') : v)));
    }
    return parts.join('\n');
  } finally {
    db.close();
  }
}
