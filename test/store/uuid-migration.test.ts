import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { migrate } from '../../src/store/sqlite/migrate.js';
import { openSqlite } from '../../src/store/sqlite/open.js';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('migration 0005_uuids', () => {
  it('gives every existing record its own version-4 UUID, and refuses a second record with the same one', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'crm-store-')), 'crm.db');
    const h = openSqlite(path);
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0005'));
    await migrate(h, path, new Date('2026-03-15T10:00:00Z'), before);
    const add = h.raw.prepare(`insert into company (name, name_key, owner, created_at, updated_at, created_by, updated_by)
      values (?, ?, 'a', 'x', 'x', 'a', 'a')`);
    for (let i = 0; i < 50; i++) add.run(`C${i}`, `c${i}`);
    expect((await migrate(h, path, new Date('2026-03-15T10:00:00Z'))).applied).toContain('0005_uuids');
    const companies = h.raw.prepare('select uuid from company order by id').pluck().all() as string[];
    const stages = h.raw.prepare('select uuid from stage').pluck().all() as string[];
    expect([...companies, ...stages].every((u) => V4.test(u))).toBe(true);
    expect(new Set(companies).size).toBe(50);
    expect(stages.length).toBe(6);
    expect(() => h.raw.prepare('update company set uuid = ? where id = 2').run(companies[0])).toThrow(/UNIQUE/);
    h.raw.close();
  });
});
