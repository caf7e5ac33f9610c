import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { migrate } from '../../src/store/sqlite/migrate.js';
import { openSqlite } from '../../src/store/sqlite/open.js';

describe('migration 0004_series_and_notes', () => {
  it('starts the series of existing repeating follow-ups at their due date, and leaves one-offs without', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'crm-store-')), 'crm.db');
    const h = openSqlite(path);
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0004'));
    await migrate(h, path, new Date('2026-03-15T10:00:00Z'), before);
    const add = h.raw.prepare(`insert into followup (title, title_key, due_date, owner, priority, status, repeat_every, repeat_unit,
      created_at, updated_at, created_by, updated_by) values (?, ?, ?, 'a', 'normal', 'open', ?, ?, 'x', 'x', 'a', 'a')`);
    add.run('Invoice', 'invoice', '2026-01-31', 1, 'm');
    add.run('Call', 'call', '2026-02-10', null, null);
    const through0004 = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0005'));
    expect((await migrate(h, path, new Date('2026-03-15T10:00:00Z'), through0004)).applied).toEqual(['0004_series_and_notes']);
    expect(h.raw.prepare('select title, series_anchor, series_due from followup order by id').all()).toEqual([
      { title: 'Invoice', series_anchor: '2026-01-31', series_due: '2026-01-31' },
      { title: 'Call', series_anchor: null, series_due: null },
    ]);
    expect(h.raw.prepare("select count(*) from pragma_table_info('change_set') where name = 'note'").pluck().get()).toBe(1);
    h.raw.close();
  });
});
