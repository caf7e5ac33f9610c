import { rmSync } from 'node:fs';
import { migrations } from '../../migrations/index.js';
import { migrate } from '../../src/store/sqlite/migrate.js';
import { openSqlite } from '../../src/store/sqlite/open.js';
import { searchRowid } from '../../src/store/sqlite/search.js';

/**
 * The databases test/fixtures/upgrade/ keeps, one per schema version: each made by the migrator of that version
 * (migrations 0001 to N, exactly as a crm of that version ran them), then filled with representative rows written as
 * that crm wrote them: companies, contacts with emails, phones, tags and a manager, deals with stage history,
 * activities, a repeating follow-up, orders, a quota, change sets with journal entries, RFM snapshots and the search
 * index. Each row is written with the columns its table has at that version, so one list serves every version.
 *
 * Regenerate (only when a new schema version is added): `npm run upgrade-fixtures`. A fixture, once committed, is
 * never regenerated for an old version: it stands for databases users have.
 */

const AT = '2025-06-01T09:00:00.000Z';
const stamps = (i: number) => ({
  created_at: AT, updated_at: AT, created_by: 'alice', updated_by: 'alice', uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
});

/** Rows by table, in insert order; a column the table does not have at a version is left out there. */
export const FIXTURE_ROWS: Record<string, Record<string, unknown>[]> = {
  company: [
    { id: 1, name: 'Acme Corp', name_key: 'acme corp', domain: 'acme.example', industry: 'Manufacturing', size: 250, address: '1 Main St',
      wallet_minor: 12_500_050, currency: 'EUR', owner: 'alice', notes: 'Key account\nsince 2019', external_id: 'C-001', ...stamps(1) },
    { id: 2, name: 'Globex', name_key: 'globex', domain: null, industry: null, size: null, address: null, wallet_minor: null,
      currency: null, owner: 'bob', notes: null, external_id: null, ...stamps(2) },
  ],
  contact: [
    { id: 1, name: 'Ann Lee', name_key: 'ann lee', title: 'CEO', company_id: 1, role: 'decision-maker', reports_to_id: null, source: 'referral',
      lifecycle: 'customer', consent: 'opted-in', do_not_contact: 0, wallet_minor: null, currency: null, owner: 'alice', notes: 'Prefers email',
      external_id: 'P-1', ...stamps(11) },
    { id: 2, name: 'Bo Müller', name_key: 'bo müller', title: 'Buyer', company_id: 1, role: 'buyer', reports_to_id: 1, source: null,
      lifecycle: 'prospect', consent: 'unknown', do_not_contact: 0, wallet_minor: null, currency: null, owner: 'alice', notes: null,
      external_id: null, ...stamps(12) },
    { id: 3, name: '佐藤 花子', name_key: '佐藤 花子', title: null, company_id: null, role: null, reports_to_id: null, source: null,
      lifecycle: 'lead', consent: 'opted-out', do_not_contact: 1, wallet_minor: 99_900, currency: 'JPY', owner: 'bob', notes: null,
      external_id: null, ...stamps(13) },
  ],
  contact_email: [
    { contact_id: 1, email: 'ann@acme.example', position: 0 }, { contact_id: 1, email: 'ann.lee@mail.example', position: 1 },
    { contact_id: 2, email: 'bo@acme.example', position: 0 },
  ],
  contact_phone: [{ contact_id: 1, phone: '+49 30 1234567', position: 0 }, { contact_id: 3, phone: '+81 3 1234 5678', position: 0 }],
  tag: [{ entity: 'company', entity_id: 1, tag: 'vip' }, { entity: 'contact', entity_id: 1, tag: 'champion' }, { entity: 'deal', entity_id: 1, tag: 'q3' }],
  deal: [
    { id: 1, title: 'Rollout', title_key: 'rollout', amount_minor: 4_800_000, currency: 'EUR', stage_id: 3, probability: null,
      forecast_category: null, expected_close: '2025-09-30', closed_on: null, stage_changed_at: AT, owner: 'alice', company_id: 1,
      contact_id: 1, source: 'inbound', next_step: 'Send proposal', lost_reason: null, ...stamps(21) },
    { id: 2, title: 'Pilot', title_key: 'pilot', amount_minor: 500_000, currency: 'EUR', stage_id: 5, probability: 100,
      forecast_category: 'closed', expected_close: '2025-05-31', closed_on: '2025-05-30', stage_changed_at: AT, owner: 'alice',
      company_id: 1, contact_id: 2, source: null, next_step: null, lost_reason: null, ...stamps(22) },
  ],
  deal_stage_change: [
    { id: 1, deal_id: 1, from_stage_id: null, to_stage_id: 1, from_stage: null, to_stage: 'Lead', at: AT, actor: 'alice' },
    { id: 2, deal_id: 1, from_stage_id: 1, to_stage_id: 3, from_stage: 'Lead', to_stage: 'Proposal', at: AT, actor: 'alice' },
    { id: 3, deal_id: 2, from_stage_id: null, to_stage_id: 5, from_stage: null, to_stage: 'Won', at: AT, actor: 'alice' },
  ],
  activity: [
    { id: 1, type: 'call', at: '2025-05-20T14:00:00.000Z', summary: 'Discussed rollout', outcome: 'interested', direction: 'outbound',
      satisfaction: 4, contact_id: 1, company_id: 1, deal_id: 1, ...stamps(31) },
    { id: 2, type: 'note', at: '2025-05-21T08:00:00.000Z', summary: 'Budget:\n€48k approved', outcome: null, direction: null,
      satisfaction: null, contact_id: null, company_id: 1, deal_id: null, ...stamps(32) },
  ],
  followup: [
    { id: 1, title: 'Check in with Ann', title_key: 'check in with ann', due_date: '2025-06-08', due_time: '10:00', owner: 'alice',
      priority: 'high', status: 'open', done_at: null, repeat_every: 2, repeat_unit: 'week', series_anchor: '2025-06-08',
      series_due: '2025-06-08', notes: 'Every other Monday', contact_id: 1, company_id: null, deal_id: 1, ...stamps(41) },
    { id: 2, title: 'Send invoice', title_key: 'send invoice', due_date: '2025-05-31', due_time: null, owner: 'bob', priority: 'normal',
      status: 'done', done_at: AT, repeat_every: null, repeat_unit: null, series_anchor: null, series_due: null, notes: null,
      contact_id: null, company_id: 1, deal_id: 2, ...stamps(42) },
  ],
  orders: [
    { id: 1, company_id: 1, contact_id: null, ordered_on: '2025-05-30', amount_minor: 500_000, currency: 'EUR', reference: 'INV-1',
      deal_id: 2, source: 'deal', ...stamps(51) },
    { id: 2, company_id: null, contact_id: 3, ordered_on: '2025-04-02', amount_minor: 12_000, currency: 'JPY', reference: null,
      deal_id: null, source: 'manual', ...stamps(52) },
    { id: 3, company_id: 1, contact_id: null, ordered_on: '2025-01-15', amount_minor: -2_500, currency: 'EUR', reference: 'CN-7',
      deal_id: null, source: 'import', ...stamps(53) },
  ],
  quota: [{ id: 1, owner: 'alice', period: '2025-Q3', amount_minor: 10_000_000, currency: 'EUR', ...stamps(61) }],
  change_set: [
    { id: 1, at: AT, actor: 'alice', command: 'crm company add "Acme Corp" --domain acme.example', note: null },
    { id: 2, at: AT, actor: 'alice', command: 'crm contact add "Ann Lee" --email ann@acme.example', note: null },
    { id: 3, at: AT, actor: 'bob', command: 'crm contact edit "Ann Lee" --title CEO', note: 'consent override: logged anyway' },
  ],
  journal: [
    { id: 1, change_set_id: 1, entity: 'company', entity_id: 1, action: 'create', before: null, after: '{"id":1,"name":"Acme Corp"}' },
    { id: 2, change_set_id: 2, entity: 'contact', entity_id: 1, action: 'create', before: null, after: '{"id":1,"name":"Ann Lee","title":null}' },
    { id: 3, change_set_id: 3, entity: 'contact', entity_id: 1, action: 'update', before: '{"id":1,"name":"Ann Lee","title":null}',
      after: '{"id":1,"name":"Ann Lee","title":"CEO"}' },
    { id: 4, change_set_id: 3, entity: 'contact', entity_id: 9, action: 'delete', before: '{"id":9,"name":"Gone Person"}', after: null },
  ],
  rfm_snapshot: [{ id: 1, name: 'q2-2025', as_of: '2025-06-30', bins: 5, created_at: AT, created_by: 'alice' }],
  rfm_snapshot_member: [
    { snapshot_id: 1, customer: 'company:1', segment: 'Champions' }, { snapshot_id: 1, customer: 'contact:3', segment: 'At risk' },
  ],
};

/** The search index rows, as kind, id, title, body. */
const SEARCH: [string, number, string, string][] = [
  ['company', 1, 'Acme Corp', 'Acme Corp acme.example Manufacturing'], ['company', 2, 'Globex', 'Globex'],
  ['contact', 1, 'Ann Lee', 'Ann Lee ann@acme.example CEO'], ['contact', 2, 'Bo Müller', 'Bo Müller bo@acme.example'],
  ['contact', 3, '佐藤 花子', '佐藤 花子'],
];

/** How many schema versions this crm knows: there is a fixture for each. */
export const SCHEMA_VERSIONS = Object.keys(migrations).length;

/** Makes the fixture of schema `version` at `path` (replacing any file there). */
export async function makeUpgradeFixture(path: string, version: number): Promise<void> {
  for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
  const h = openSqlite(path);
  await migrate(h, path, new Date(AT), Object.fromEntries(Object.entries(migrations).slice(0, version)));
  const { raw } = h;
  raw.transaction(() => {
    for (const [table, rows] of Object.entries(FIXTURE_ROWS)) {
      const columns = new Set((raw.prepare(`select name from pragma_table_info(?)`).pluck().all(table)) as string[]);
      if (!columns.size) continue; // not there yet at this version
      for (const row of rows) {
        const cols = Object.keys(row).filter((c) => columns.has(c));
        raw.prepare(`insert into "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) values (${cols.map(() => '?').join(', ')})`)
          .run(...cols.map((c) => row[c]));
      }
    }
    const search = raw.prepare(`select 1 from sqlite_master where name = 'search_index'`).get();
    if (search) {
      for (const [kind, id, title, body] of SEARCH) {
        raw.prepare('insert into search_index (rowid, kind, ref_id, title, body) values (?, ?, ?, ?, ?)')
          .run(searchRowid(kind as 'company', id), kind, id, title, body);
      }
    }
  })();
  raw.pragma('journal_mode = delete');
  raw.exec('vacuum');
  raw.close();
}
