import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import type { DemoData } from '../../domain/demo.js';
import { nameKey } from '../../domain/reference.js';
import type { DemoContents, LoadCounts } from '../bulk.js';
import type { WriteMeta } from '../journal.js';
import { nativeBinding } from './addon.js';
import { translateSqliteError } from './errors.js';
import { type InsertInto, MultiRowInsert, sqliteRows } from './multi-row-insert.js';
import { searchRowid } from './search.js';
import type { SearchKind } from '../../domain/reference.js';
import { activityEntry, companyEntry, contactEntry, dealEntry, searchBody, type SearchEntry } from '../search-text.js';

/** Prepared statements straight on better-sqlite3, in one transaction (see Store.bulkLoad). */
export function bulkLoad(db: Database.Database, data: DemoData, meta: WriteMeta): LoadCounts {
  const stampOf = () => ({ uuid: data.uuid(), created_at: meta.at, updated_at: meta.at, created_by: meta.actor, updated_by: meta.actor });
  const stageId = new Map((db.prepare('select name, id from stage').all() as { name: string; id: number }[]).map((s) => [s.name, s.id]));
  const id = (i: number | null) => (i === null ? null : i + 1);
  const fixed = { currency: data.currency, at: meta.at, actor: meta.actor };
  // Rows go in as multi-row statements, a table's values in a reused array: a million orders and the 100,000
  // contacts' rows make a hundredth of the calls into SQLite, with none of the objects named parameters need.
  const rows = (into: InsertInto, after?: MultiRowInsert) => new MultiRowInsert(sqliteRows(db, { ...into, fixed }), into.width, after);
  const tag = rows(TAGS);
  let orders = 0;
  let counts: LoadCounts | undefined;

  const load = db.transaction(() => {
    // The database is new and empty: the indexes of the tables the demo fills are dropped and built again after the
    // last row, in this transaction, as sorting each once is several times faster than placing a million rows one by
    // one in every B-tree (crm demo --scale 100000, see the commit that made this change).
    const indexes = db.prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in
      (${FILLED.map((t) => `'${t}'`).join(', ')})`).raw().all() as [string, string][];
    for (const [name] of indexes) db.exec(`drop index "${name}"`);
    const company = rows(COMPANIES);
    data.companies.forEach((c, i) => {
      company.add([i + 1, c.name, nameKey(c.name), c.domain, c.industry, c.size, c.address, c.walletMinor, c.owner, c.notes, data.uuid()]);
      for (const t of c.tags) tag.add(['company', i + 1, t]);
    });
    company.flush();

    const contact = rows(CONTACTS);
    const email = rows(EMAILS);
    const phone = rows(PHONES);
    data.contacts.forEach((c, i) => {
      contact.add([i + 1, c.name, nameKey(c.name), c.title, id(c.company), c.role, id(c.reportsTo), c.source, c.lifecycle, c.consent,
        c.doNotContact ? 1 : 0, c.owner, data.uuid()]);
      email.add([i + 1, c.email]);
      phone.add([i + 1, c.phone]);
      for (const t of c.tags) tag.add(['contact', i + 1, t]);
    });
    for (const table of [contact, email, phone, tag]) table.flush();

    const deal = rows(DEALS);
    const change = rows(STAGE_CHANGES, deal);
    data.deals.forEach((d, i) => {
      const last = d.history.at(-1)!;
      deal.add([i + 1, d.title, nameKey(d.title), d.amountMinor, stageId.get(last.stage), d.probability, d.expectedClose, d.closedOn, last.at,
        d.owner, id(d.company), id(d.contact), d.source, d.nextStep, d.lostReason, data.uuid(), d.createdAt, last.at, d.owner, d.owner]);
      d.history.forEach((h, k) => {
        const from = k === 0 ? null : d.history[k - 1]!.stage;
        change.add([i + 1, from === null ? null : stageId.get(from), stageId.get(h.stage), from, h.stage, h.at, d.owner]);
      });
    });
    deal.flush();
    change.flush();

    const activity = rows(ACTIVITIES);
    data.activities.forEach((a, i) => {
      activity.add([i + 1, a.type, a.at, a.summary, a.outcome, a.direction, a.satisfaction, id(a.contact), id(a.company), id(a.deal), data.uuid(),
        a.at, a.at, a.by, a.by]);
    });
    activity.flush();
    writeSearchIndex(db, data);

    const followup = db.prepare(`insert into followup (id, title, title_key, due_date, due_time, owner, priority, status, done_at,
      repeat_every, repeat_unit, series_anchor, series_due, contact_id, company_id, deal_id, uuid, created_at, updated_at, created_by,
      updated_by) values (@id, @title, @key, @due, @time, @owner, @priority, @status, @doneAt, @every, @unit, @anchor, @anchor,
      @contact, @company, @deal, @uuid, @created_at, @updated_at, @created_by, @updated_by)`);
    data.followups.forEach((f, i) => followup.run({ id: i + 1, title: f.title, key: nameKey(f.title), due: f.dueDate,
      time: f.dueTime, owner: f.owner, priority: f.priority, status: f.status, doneAt: f.doneAt, every: f.repeatEvery,
      unit: f.repeatUnit, anchor: f.repeatEvery === null ? null : f.dueDate, contact: id(f.contact), company: id(f.company),
      deal: id(f.deal), ...stampOf() }));

    // Products and lines (issue 18): product i is id i + 1; the products' uuids are drawn after the quotas', so the
    // records the demo had before keep theirs. Lines name products written further down: keys are checked at the end.
    const order = rows(ORDERS);
    const line = rows(ORDER_LINES, order);
    // One array per table, refilled for every row: a million orders make no million arrays.
    const orderRow: unknown[] = [null, null, '', 0, '', null, '', ''];
    const lineRow: unknown[] = [0, 0, 0, 0, 0, 0];
    for (const o of data.orders()) {
      orderRow[0] = id(o.company);
      orderRow[1] = id(o.contact);
      orderRow[2] = o.orderedOn;
      orderRow[3] = o.amountMinor;
      orderRow[4] = o.reference;
      orderRow[5] = id(o.deal);
      orderRow[6] = o.deal === null ? 'demo' : 'win';
      orderRow[7] = data.uuid();
      order.add(orderRow);
      orders += 1;
      o.lines?.forEach((l, k) => {
        lineRow[0] = orders;
        lineRow[1] = k + 1;
        lineRow[2] = l.product + 1;
        lineRow[3] = l.quantity;
        lineRow[4] = l.unitPriceMinor;
        lineRow[5] = l.quantity * l.unitPriceMinor;
        line.add(lineRow);
      });
    }
    order.flush();
    line.flush();

    const quota = db.prepare(`insert into quota (owner, period, amount_minor, currency, uuid, created_at, updated_at, created_by,
      updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const q of data.quotas) quota.run(q.owner, q.period, q.amountMinor, data.currency, data.uuid(), meta.at, meta.at, meta.actor, meta.actor);

    const product = db.prepare(`insert into product (id, code, code_key, name, price_minor, currency, uuid, created_at, updated_at, created_by,
      updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    (data.products ?? []).forEach((p, i) => product.run(i + 1, p.code, p.code.toLowerCase(), p.name, p.priceMinor, data.currency, data.uuid(),
      meta.at, meta.at, meta.actor, meta.actor));
    const campaign = db.prepare(`insert into campaign (id, name, name_key, channel, budget_minor, cost_minor, currency, starts_on, ends_on,
      window_days, excluded, owner, notes, uuid, created_at, updated_at, created_by, updated_by)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, 30, ?, ?, null, ?, ?, ?, ?, ?)`);
    const member = db.prepare(`insert into campaign_member (campaign_id, member_key, company_id, contact_id, arm, added_on, touched_on,
      responded_on, outcome) values (?, ?, null, ?, ?, ?, ?, ?, ?)`);
    (data.campaigns ?? []).forEach((c, i) => {
      campaign.run(i + 1, c.name, nameKey(c.name), c.channel, c.budgetMinor, c.costMinor, data.currency, c.startsOn, c.endsOn, c.excluded, c.owner,
        data.uuid(), meta.at, meta.at, meta.actor, meta.actor);
      for (const m of c.members) member.run(i + 1, `contact:${m.contact + 1}`, m.contact + 1, m.group, c.startsOn, m.touchedOn, m.respondedOn, m.outcome);
    });

    db.pragma(`cache_size = -${SORT_CACHE_KIB}`);
    for (const [, sql] of indexes) db.exec(sql);
    const broken = db.prepare('pragma foreign_key_check').all() as { table: string; rowid: number; parent: string }[];
    if (broken.length) throw new Error(`the demo wrote ${broken.length} rows pointing at no record (the first: ${JSON.stringify(broken[0])})`);
    counts = {
      companies: data.companies.length, contacts: data.contacts.length, deals: data.deals.length,
      activities: data.activities.length, followups: data.followups.length, orders, quotas: data.quotas.length,
    };
    // The load's one journal entry marks the change set as the demo's own: see demoContents.
    const changeSet = db.prepare('insert into change_set (at, actor, command) values (?, ?, ?)').run(meta.at, meta.actor, meta.command).lastInsertRowid;
    db.prepare(`insert into journal (change_set_id, entity, entity_id, action, before, after) values (?, '${DEMO_ENTITY}', 0, 'create', null, ?)`)
      .run(changeSet, JSON.stringify(counts));
  });

  // References are checked once, after the last row, as a restore checks them: checked row by row, every parent
  // inserted while a line waits for its product would look for its children in a table without its indexes. The
  // pragma has no effect inside a transaction, so it is set around it.
  db.pragma('foreign_keys = OFF');
  try {
    load();
  } finally {
    db.pragma('foreign_keys = ON');
  }
  return counts!;
}

/**
 * The search index's entries for the demo's records: the same the repositories write (search-text.ts), so a demo
 * searches as it would after a restore. They are written after the records, in the order of the records, one
 * statement each: FTS5 writes what it holds as a new segment whenever a statement of many rows begins, so records
 * written in between, many rows a statement, would cut the index in other places than one by one.
 */
function writeSearchIndex(db: Database.Database, data: DemoData): void {
  const fts = db.prepare('insert into search_index (rowid, kind, ref_id, title, body) values (?, ?, ?, ?, ?)');
  const index = (kind: SearchKind, id: number, { title, body }: SearchEntry) => fts.run(searchRowid(kind, id), kind, id, title, searchBody(body));
  const named = (list: readonly { name: string }[], i: number | null) => (i === null ? null : { name: list[i]!.name });
  const dealNamed = (i: number | null) => (i === null ? null : { name: data.deals[i]!.title });
  data.companies.forEach((c, i) => index('company', i + 1, companyEntry({ ...c, tags: [...c.tags].sort() })));
  data.contacts.forEach((c, i) => index('contact', i + 1, contactEntry({ name: c.name, emails: [c.email], title: c.title, notes: null,
    phones: [c.phone], tags: [...c.tags].sort() })));
  data.deals.forEach((d, i) => index('deal', i + 1, dealEntry({ title: d.title, company: named(data.companies, d.company),
    contact: named(data.contacts, d.contact), source: d.source, nextStep: d.nextStep, lostReason: d.lostReason })));
  data.activities.forEach((a, i) => index('activity', i + 1, activityEntry({ type: a.type, summary: a.summary, outcome: a.outcome,
    contact: named(data.contacts, a.contact), company: named(data.companies, a.company), deal: dealNamed(a.deal) })));
}

/**
 * The rows of each table the demo fills, record i as id i + 1. The values every row shares are named: @currency,
 * and @at and @actor for the stamps of a record the demo creates (a deal and an activity have their own).
 */
const COMPANIES: InsertInto = { head: `insert into company (id, name, name_key, domain, industry, size, address, wallet_minor, owner, notes, uuid,
  currency, created_at, updated_at, created_by, updated_by)`, row: '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, @currency, @at, @at, @actor, @actor)', width: 11 };
const CONTACTS: InsertInto = { head: `insert into contact (id, name, name_key, title, company_id, role, reports_to_id, source, lifecycle, consent,
  do_not_contact, owner, uuid, created_at, updated_at, created_by, updated_by)`, row: '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, @at, @at, @actor, @actor)',
width: 13 };
const EMAILS: InsertInto = { head: 'insert into contact_email (contact_id, email, position)', row: '(?, ?, 0)', width: 2 };
const PHONES: InsertInto = { head: 'insert into contact_phone (contact_id, phone, position)', row: '(?, ?, 0)', width: 2 };
const TAGS: InsertInto = { head: 'insert into tag (entity, entity_id, tag)', row: '(?, ?, ?)', width: 3 };
/** A deal is stamped as its owner made it: created when it was, updated when its stage last changed. */
const DEALS: InsertInto = { head: `insert into deal (id, title, title_key, amount_minor, stage_id, probability, expected_close, closed_on,
  stage_changed_at, owner, company_id, contact_id, source, next_step, lost_reason, uuid, created_at, updated_at, created_by, updated_by, currency)`,
row: '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, @currency)', width: 20 };
const STAGE_CHANGES: InsertInto = { head: 'insert into deal_stage_change (deal_id, from_stage_id, to_stage_id, from_stage, to_stage, at, actor)',
  row: '(?, ?, ?, ?, ?, ?, ?)', width: 7 };
/** An activity is stamped by whoever it is by, when it happened. */
const ACTIVITIES: InsertInto = { head: `insert into activity (id, type, at, summary, outcome, direction, satisfaction, contact_id, company_id,
  deal_id, uuid, created_at, updated_at, created_by, updated_by)`, row: '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', width: 15 };
/** The orders' and their lines' rows, in the order of the orders the demo yields; order n is id n. */
const ORDERS: InsertInto = { head: `insert into orders (company_id, contact_id, ordered_on, amount_minor, reference, deal_id, source, uuid,
  currency, created_at, updated_at, created_by, updated_by)`, row: '(?, ?, ?, ?, ?, ?, ?, ?, @currency, @at, @at, @actor, @actor)', width: 8 };
const ORDER_LINES: InsertInto = { head: `insert into order_line (order_id, position, product_id, description, quantity, unit_price_minor,
  amount_minor)`, row: '(?, ?, ?, null, ?, ?, ?)', width: 6 };

const DEMO_ENTITY = 'demo';

/**
 * The page cache (KiB) while the indexes are built, which is also the size of the sorted runs SQLite's sorter
 * writes out and merges: runs of 1-2 MiB sort in the processor's caches. The four order indexes at --scale 100000
 * took 2.3-3.0 s of CPU so, against 4.3-4.8 s sorted whole in memory (16 MiB cache, temp_store = MEMORY); 4 MiB and
 * more were slower again.
 */
const SORT_CACHE_KIB = 2048;

/** The tables a demo load fills (their indexes are built after the rows). */
const FILLED = ['company', 'contact', 'contact_email', 'contact_phone', 'tag', 'deal', 'deal_stage_change', 'activity', 'followup', 'orders',
  'order_line', 'quota', 'product', 'campaign', 'campaign_member'];

/** Whether the database holds any records of ours (a demo only fills an empty one). */
export function holdsRecords(db: Database.Database): boolean {
  return ['company', 'contact', 'deal', 'orders'].some((t) => db.prepare(`select 1 from ${t} limit 1`).get() !== undefined);
}

/**
 * Tells the demo's data from yours by the journal, which every write goes through: each command's writes form one
 * change set with an entry per record changed, and a demo load is one change set whose only entry is the 'demo'
 * marker (before the marker existed, a load left its change set without entries, which no other writer does).
 * So any other change set means you added, changed or deleted something since. Read-only, before anything is
 * opened for writing (or migrated), so a refusal leaves the file exactly as it was.
 */
export function demoContents(path: string): DemoContents {
  let raw: Database.Database;
  try {
    raw = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: nativeBinding() });
  } catch (e) {
    throw translateSqliteError(e, path);
  }
  try {
    const has = (table: string) => raw.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(table) !== undefined;
    if (!has('change_set') || !has('journal')) {
      const empty = raw.prepare("select count(*) from sqlite_master where type = 'table' and name not like 'sqlite_%'").pluck().get() === 0;
      // Not a crm database, or a new one not yet migrated: anything in it is not the demo's.
      return { demo: false, changes: 0, latest: null, segmentations: [], records: !empty };
    }
    const sets = raw.prepare(`select c.command, (select count(*) from journal j where j.change_set_id = c.id) as entries,
      exists(select 1 from journal j where j.change_set_id = c.id and j.entity = ?) as demo from change_set c order by c.id`)
      .all(DEMO_ENTITY) as { command: string; entries: number; demo: number }[];
    const others = sets.filter((c) => !c.demo && c.entries > 0);
    const records = ['company', 'contact', 'deal', 'orders'].some((t) => has(t) && raw.prepare(`select 1 from ${t} limit 1`).get() !== undefined);
    return {
      demo: sets.length > others.length,
      changes: others.length,
      latest: others.at(-1)?.command ?? null,
      segmentations: has('rfm_snapshot') ? (raw.prepare('select name from rfm_snapshot order by name').pluck().all() as string[]) : [],
      records,
    };
  } catch (e) {
    throw translateSqliteError(e, path);
  } finally {
    raw.close();
  }
}

/** Deletes the database file with its write-ahead log and shared-memory index, as one SQLite database is three files. */
export function removeSqlite(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}
