import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { BACKUP_FORMAT, BACKUP_VERSION, documentEnd, documentStart, rowsText, tableEnd, tableStart } from '../../src/domain/backup.js';
import { TABLES } from '../../src/store/schema.js';
import { dumpSqlite } from '../../src/store/sqlite/backup.js';
import { migrate } from '../../src/store/sqlite/migrate.js';
import { openSqlite } from '../../src/store/sqlite/open.js';
import { sandbox } from '../support/inprocess.js';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const NOW = new Date('2026-03-11T10:30:00Z');

/** A database at schema `k` (the first k migrations), as an older crm left it. */
async function databaseAt(k: number) {
  const path = join(mkdtempSync(join(tmpdir(), 'crm-store-')), 'old.db');
  const handle = openSqlite(path);
  await migrate(handle, path, NOW, Object.fromEntries(Object.entries(migrations).slice(0, k)));
  return { path, handle, raw: handle.raw };
}

/** What crm export backup writes, from any database as it is (no migration first). */
async function backupText(raw: Database.Database): Promise<string> {
  return dumpSqlite(raw, async (dump) => {
    let text = documentStart({ format: BACKUP_FORMAT, version: BACKUP_VERSION, schema: dump.schema, exportedAt: NOW.toISOString(), exportedBy: 'alice' }, dump.sequences);
    for (const [i, t] of dump.tables.entries()) {
      text += tableStart(t.name, i === 0);
      let n = 0;
      for await (const batch of t.rows()) {
        text += rowsText(batch, n === 0);
        n += batch.length;
      }
      text += tableEnd(n);
    }
    return text + documentEnd;
  });
}

const tablesOf = (raw: Database.Database) => (raw.prepare("select name from sqlite_master where type = 'table' order by name").pluck().all() as string[]);

describe('backups and the schema', () => {
  it('cover every table a migrated database holds, but for the engine\'s own and the search index', async () => {
    const { raw } = await databaseAt(Object.keys(migrations).length);
    const ours = tablesOf(raw).filter((t) => !/^(sqlite_sequence$|kysely_migration$|kysely_migration_lock$|search_index)/.test(t));
    // A migration that adds a table must add it to schema.ts (DB and TABLES), or this fails.
    expect([...ours].sort()).toEqual([...TABLES].sort());
    const doc = JSON.parse(await backupText(raw));
    expect(Object.keys(doc.tables)).toEqual(TABLES);
    // Every column of every table is written, so a column a migration adds is in backups without a word.
    raw.prepare(`insert into tag (entity, entity_id, tag) values ('company', 1, 'x')`).run();
    const again = JSON.parse(await backupText(raw));
    expect(Object.keys(again.tables.tag[0])).toEqual(['entity', 'entity_id', 'tag']);
    raw.close();
  });

  it('restores a backup written at schema 4 (before UUIDs): the migrations fill them in', async () => {
    const { raw } = await databaseAt(4);
    const stamp = `'2025-01-02T03:04:05.000Z', '2025-01-02T03:04:05.000Z', 'bob', 'bob'`;
    raw.exec(`
      insert into company (id, name, name_key, domain, owner, notes, created_at, updated_at, created_by, updated_by)
        values (1, 'Acme 株式会社', 'acme 株式会社', 'acme.example', 'bob', 'two
lines', ${stamp}), (3, 'Globex', 'globex', null, 'bob', null, ${stamp});
      insert into contact (id, name, name_key, company_id, lifecycle, consent, owner, created_at, updated_at, created_by, updated_by)
        values (1, '佐藤 花子', '佐藤 花子', 1, 'lead', 'unknown', 'bob', ${stamp});
      insert into contact_email (contact_id, email, position) values (1, 'hanako@acme.example', 0);
      insert into deal (id, title, title_key, amount_minor, currency, stage_id, stage_changed_at, owner, company_id, created_at, updated_at, created_by, updated_by)
        values (1, 'Big one', 'big one', 9007199254740993, 'JPY', 2, '2025-01-02T03:04:05.000Z', 'bob', 1, ${stamp});
      insert into followup (id, title, title_key, due_date, owner, priority, status, repeat_every, repeat_unit, series_anchor, series_due, company_id, created_at, updated_at, created_by, updated_by)
        values (1, 'Monthly', 'monthly', '2026-03-31', 'bob', 'normal', 'open', 1, 'm', '2026-01-31', '2026-03-31', 1, ${stamp});
      insert into orders (company_id, ordered_on, amount_minor, currency, reference, created_at, updated_at, created_by, updated_by)
        values (1, '2025-06-01', 120000, 'JPY', 'R-1', ${stamp});
      insert into change_set (id, at, actor, command, note) values (1, '2025-01-02T03:04:05.000Z', 'bob', 'crm company add Acme', null);
      insert into journal (change_set_id, entity, entity_id, action, before, after) values (1, 'company', 1, 'create', null, '{"name":"Acme 株式会社"}');
      delete from company where id = 3;`);
    const text = await backupText(raw);
    raw.close();
    expect(JSON.parse(text)).toMatchObject({ schema: 4, sequences: { company: 3 } });
    expect(text).toContain('"amount_minor":9007199254740993');
    expect(text).not.toContain('"uuid"');

    const s = sandbox();
    const file = join(s.home, 'schema4.json');
    writeFileSync(file, text);
    const restored = await s.json(['import', 'backup', file]);
    expect(restored).toMatchObject({ schema: 4, migrated: ['0005_uuids', '0006_history_insert_only', '0007_team'], replaced: false, rows: { company: 1, contact: 1, deal: 1, orders: 1 } });
    const [company] = await s.json(['company', 'list']);
    expect(company).toMatchObject({ id: 1, name: 'Acme 株式会社', notes: 'two\nlines', createdBy: 'bob' });
    expect(company.uuid).toMatch(V4);
    expect((await s.json(['contact', 'show', '1'])).uuid).toMatch(V4);
    expect(await s.json(['followup', 'list'])).toMatchObject([{ title: 'Monthly', due: '2026-03-31', repeat: '1m' }]);
    expect(await s.json(['history', 'Acme 株式会社'])).toMatchObject([{ action: 'create', actor: 'bob' }]);
    expect(await s.json(['search', 'hanako'])).toMatchObject([{ kind: 'contact', id: 1 }]);
    expect(await s.json(['db', 'check'])).toMatchObject({ ok: true });
    // The deleted company #3 is not handed out again; the amount past 2^53 keeps every digit.
    expect((await s.run(['company', 'add', 'Next', '-q'])).stdout).toBe('4\n');
    const db = new Database(s.dbPath, { readonly: true });
    const uuids = db.prepare('select uuid from stage union all select uuid from orders union all select uuid from followup').pluck().all() as string[];
    expect(uuids).toHaveLength(8);
    expect(uuids.every((u) => V4.test(u))).toBe(true);
    expect(db.prepare('select amount_minor from deal where id = 1').safeIntegers(true).pluck().get()).toBe(9007199254740993n);
    db.close();
  });

  it('restores a backup crafted at schema 1: the later migrations add the pipeline and the default stages', async () => {
    const s = sandbox();
    const stamp = { created_at: '2024-05-06T07:08:09.000Z', updated_at: '2024-05-06T07:08:09.000Z', created_by: 'carol', updated_by: 'carol' };
    const doc = {
      format: 'crm-backup', version: 1, schema: 1, exportedAt: '2024-05-06T08:00:00.000Z', exportedBy: 'carol',
      tables: {
        company: [{ id: 7, name: 'Initech', name_key: 'initech', domain: 'initech.example', industry: null, size: 40, address: null,
          wallet_minor: null, currency: null, owner: 'carol', notes: null, external_id: null, ...stamp }],
        contact: [{ id: 2, name: 'Peter Gibbons', name_key: 'peter gibbons', title: 'Engineer', company_id: 7, role: null, reports_to_id: null,
          source: null, lifecycle: 'customer', consent: 'opted-in', do_not_contact: 0, wallet_minor: null, currency: null, owner: 'carol',
          notes: 'TPS\nreports', external_id: null, ...stamp }],
        contact_email: [{ contact_id: 2, email: 'peter@initech.example', position: 0 }],
        contact_phone: [],
        tag: [{ entity: 'company', entity_id: 7, tag: 'legacy' }],
        change_set: [{ id: 1, at: '2024-05-06T07:08:09.000Z', actor: 'carol', command: 'crm company add Initech' }],
        journal: [{ id: 1, change_set_id: 1, entity: 'company', entity_id: 7, action: 'create', before: null, after: '{"name":"Initech"}' }],
      },
    };
    const file = join(s.home, 'schema1.json');
    writeFileSync(file, JSON.stringify(doc, null, 2));
    expect(await s.json(['import', 'backup', file])).toMatchObject({
      schema: 1, migrated: ['0002_pipeline', '0003_rfm_snapshots', '0004_series_and_notes', '0005_uuids', '0006_history_insert_only', '0007_team'] });
    expect(await s.json(['company', 'show', 'Initech'])).toMatchObject({ id: 7, tags: ['legacy'], size: 40, createdBy: 'carol' });
    expect(await s.json(['contact', 'show', 'Peter Gibbons'])).toMatchObject({ emails: ['peter@initech.example'], notes: 'TPS\nreports', company: { id: 7 } });
    expect((await s.json(['stage', 'list'])).map((st: { name: string }) => st.name)).toEqual(['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost']);
    expect(await s.json(['history', 'Initech'])).toMatchObject([{ changeSet: 1, actor: 'carol', note: null }]);
    expect(await s.json(['search', 'tps'])).toMatchObject([{ kind: 'contact', id: 2 }]);
    expect(await s.json(['db', 'check'])).toMatchObject({ ok: true, foreignKeyViolations: 0 });
    expect((await s.run(['company', 'add', 'Next', '-q'])).stdout).toBe('8\n');
  });

  it('refuses rows that point at records the backup does not have, or that repeat a unique value', async () => {
    const s = sandbox();
    const base = { format: 'crm-backup', version: 1, schema: 1, exportedAt: '', exportedBy: '' };
    const email = (contact_id: number, email: string) => ({ contact_id, email, position: 0 });
    const contact = { id: 1, name: 'A', name_key: 'a', lifecycle: 'lead', consent: 'unknown', owner: 'x', created_at: 'x', updated_at: 'x', created_by: 'x', updated_by: 'x' };
    const put = (name: string, tables: object) => {
      const file = join(s.home, name);
      writeFileSync(file, JSON.stringify({ ...base, tables }));
      return file;
    };
    const orphan = await s.run(['import', 'backup', put('orphan.json', { contact_email: [email(5, 'a@x.example')] })]);
    expect(orphan.exitCode).toBe(2);
    expect(orphan.stderr).toMatch(/orphan\.json: 1 row point at records the backup does not have \(the first: table contact_email, row 1, to contact\)/);
    const twice = await s.run(['import', 'backup', put('twice.json', { contact: [contact], contact_email: [email(1, 'a@x.example'), { ...email(1, 'a@x.example'), position: 1 }] })]);
    expect(twice.exitCode).toBe(2);
    expect(twice.stderr).toMatch(/twice\.json: table contact_email, row 2 does not load: UNIQUE constraint failed/);
    const bad = await s.run(['import', 'backup', put('bad.json', { contact: [{ ...contact, notes: { a: 1 } }] })]);
    expect(bad.stderr).toMatch(/bad\.json: table contact, row 1: column notes holds an object; a backup holds text, numbers and null/);
    expect(await s.json(['contact', 'list'])).toEqual([]);
  });
});
