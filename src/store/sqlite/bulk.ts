import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import type { DemoData } from '../../domain/demo.js';
import { nameKey } from '../../domain/reference.js';
import type { DemoContents, LoadCounts } from '../bulk.js';
import type { WriteMeta } from '../journal.js';
import { nativeBinding } from './addon.js';
import { translateSqliteError } from './errors.js';
import { type InsertInto, MultiRowInsert, sqliteRows } from './multi-row-insert.js';
import { SideThread, type SideTable } from './side-thread.js';
import { searchRowid } from './search.js';
import { SORT_CACHE_KIB } from './load-beside.js';
import type { SearchKind } from '../../domain/reference.js';
import { activityEntry, companyEntry, contactEntry, dealEntry, searchBody, type SearchEntry } from '../search-text.js';

/**
 * Writes the demo's records into `db`, a private copy being filled (load-beside.ts): the orders and their lines here,
 * every other table on a second thread into a copy of its own (`side`), copied in when both are done. The orders'
 * rows and indexes are most of the work; the rest (and the search index's tokenising) runs on the other core
 * meanwhile. Every record is made here, in the same order as ever, so each draws the same UUID.
 */
export async function bulkLoad(db: Database.Database, data: DemoData, meta: WriteMeta, side: () => Promise<string>): Promise<LoadCounts> {
  const stageId = new Map((db.prepare('select name, id from stage').all() as { name: string; id: number }[]).map((s) => [s.name, s.id]));
  const fixed = { currency: data.currency, at: meta.at, actor: meta.actor };
  // The database is new and empty: the indexes of the tables the demo fills are dropped and built again after the
  // last row, as sorting each once is several times faster than placing a million rows one by one in every B-tree
  // (crm demo --scale 100000, see the commit that made this change). The side thread does the same in its file
  // for its tables; here theirs are made again while still empty, in the order they had, and the copy fills them.
  const indexes = db.prepare(`select name, sql, tbl_name from sqlite_master where type = 'index' and sql is not null and tbl_name in
    (${FILLED.map((t) => `'${t}'`).join(', ')})`).raw().all() as [string, string, string][];
  const sideNames = new Set(SIDE_TABLES.map(tableOf));
  const sidePath = await side();
  const thread = new SideThread({ path: sidePath, tables: SIDE_TABLES, indexes: indexes.filter(([, , t]) => sideNames.has(t)).map(([name, sql]) => [name, sql]), fixed });
  // References are checked once, after the last row, as a restore checks them: checked row by row, every parent
  // inserted while a line waits for its product would look for its children in a table without its indexes. The
  // pragma has no effect inside a transaction, so it is set around them.
  db.pragma('foreign_keys = OFF');
  try {
    db.exec('begin');
    for (const [name] of indexes) db.exec(`drop index "${name}"`);
    const counts = writeRecords(db, data, fixed, stageId, (into, after) => thread.rows(SIDE_TABLES.indexOf(into), after));
    thread.end();
    db.pragma(`cache_size = -${SORT_CACHE_KIB}`);
    for (const [, sql] of indexes) db.exec(sql);
    db.exec('commit');
    await thread.finished();
    // A database is attached outside a transaction; the copy, the checks and the journal are the last one.
    db.prepare('attach database ? as side').run(sidePath);
    db.exec('begin');
    copySide(db);
    // The side thread checked the references among its tables, writeRecords those of the orders and their lines.
    // The load's one journal entry marks the change set as the demo's own: see demoContents.
    const changeSet = db.prepare('insert into change_set (at, actor, command) values (?, ?, ?)').run(meta.at, meta.actor, meta.command).lastInsertRowid;
    db.prepare(`insert into journal (change_set_id, entity, entity_id, action, before, after) values (?, '${DEMO_ENTITY}', 0, 'create', null, ?)`)
      .run(changeSet, JSON.stringify(counts));
    db.exec('commit');
    db.exec('detach database side');
    return counts;
  } catch (e) {
    await thread.stop();
    throw e;
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/** A row that names a record the demo did not write, as pragma foreign_key_check reports one. */
interface Stray { table: string; rowid: number; parent: string }

/**
 * Whether an order's or a line's reference to record `i` of a list of `n` names a record written: every list is
 * written record i as id i + 1, so that is a whole number from 0 to n - 1 (or none). Checked so as the orders are
 * made, as pragma foreign_key_check looked each of a million orders' three references up in its table (0.15-0.2 s of
 * CPU at --scale 100000, on the main thread after the copy).
 */
function within(i: number | null, n: number): boolean {
  return i === null || (Number.isInteger(i) && i >= 0 && i < n);
}

/** Where a table's rows go: a writer of multi-row statements, on the side thread. */
type SideRows = (into: SideTable, after?: MultiRowInsert) => MultiRowInsert;

/**
 * Makes the demo's records, in the order they draw their UUIDs (companies, contacts, deals, activities, follow-ups,
 * orders, quotas, products, campaigns), and sends each table's rows where it is written: the orders and their lines
 * into `db`, everything else to `side`.
 */
function writeRecords(db: Database.Database, data: DemoData, fixed: Record<string, unknown>, stageId: Map<string, number>, side: SideRows): LoadCounts {
  const id = (i: number | null) => (i === null ? null : i + 1);
  const tag = side(TAGS);
  const company = side(COMPANIES);
  data.companies.forEach((c, i) => {
    company.add([i + 1, c.name, nameKey(c.name), c.domain, c.industry, c.size, c.address, c.walletMinor, c.owner, c.notes, data.uuid()]);
    for (const t of c.tags) tag.add(['company', i + 1, t]);
  });
  company.flush();

  const contact = side(CONTACTS);
  const email = side(EMAILS);
  const phone = side(PHONES);
  data.contacts.forEach((c, i) => {
    contact.add([i + 1, c.name, nameKey(c.name), c.title, id(c.company), c.role, id(c.reportsTo), c.source, c.lifecycle, c.consent,
      c.doNotContact ? 1 : 0, c.owner, data.uuid()]);
    email.add([i + 1, c.email]);
    phone.add([i + 1, c.phone]);
    for (const t of c.tags) tag.add(['contact', i + 1, t]);
  });
  for (const table of [contact, email, phone, tag]) table.flush();

  const deal = side(DEALS);
  const change = side(STAGE_CHANGES, deal);
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

  const activity = side(ACTIVITIES);
  data.activities.forEach((a, i) => {
    activity.add([i + 1, a.type, a.at, a.summary, a.outcome, a.direction, a.satisfaction, id(a.contact), id(a.company), id(a.deal), data.uuid(),
      a.at, a.at, a.by, a.by]);
  });
  activity.flush();
  const search = side(SEARCH);
  writeSearchIndex((row) => search.add(row), data);
  search.flush();

  const followup = side(FOLLOWUPS);
  data.followups.forEach((f, i) => {
    const anchor = f.repeatEvery === null ? null : f.dueDate;
    followup.add([i + 1, f.title, nameKey(f.title), f.dueDate, f.dueTime, f.owner, f.priority, f.status, f.doneAt, f.repeatEvery, f.repeatUnit,
      anchor, anchor, id(f.contact), id(f.company), id(f.deal), data.uuid()]);
  });
  followup.flush();

  // Products and lines (issue 18): product i is id i + 1; the products' uuids are drawn after the quotas', so the
  // records the demo had before keep theirs. Lines name products written elsewhere: keys are checked at the end.
  const rows = (into: InsertInto, after?: MultiRowInsert) => new MultiRowInsert(sqliteRows(db, { ...into, fixed }), into.width, after);
  const order = rows(ORDERS);
  const line = rows(ORDER_LINES, order);
  // One array per table, refilled for every row: a million orders make no million arrays.
  const orderRow: unknown[] = [null, null, '', 0, '', null, '', ''];
  const lineRow: unknown[] = [0, 0, 0, 0, 0, 0];
  let orders = 0;
  let lines = 0;
  const strays: Stray[] = [];
  const products = data.products?.length ?? 0;
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
    const parent = !within(o.company, data.companies.length) ? 'company' : !within(o.contact, data.contacts.length) ? 'contact'
      : !within(o.deal, data.deals.length) ? 'deal' : undefined;
    if (parent) strays.push({ table: 'orders', rowid: orders, parent });
    o.lines?.forEach((l, k) => {
      lines += 1;
      if (!within(l.product, products)) strays.push({ table: 'order_line', rowid: lines, parent: 'product' });
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
  if (strays.length) throw new Error(`the demo wrote ${strays.length} rows pointing at no record (the first: ${JSON.stringify(strays[0])})`);

  const quota = side(QUOTAS);
  for (const q of data.quotas) quota.add([q.owner, q.period, q.amountMinor, data.uuid()]);
  quota.flush();
  const product = side(PRODUCTS);
  (data.products ?? []).forEach((p, i) => product.add([i + 1, p.code, p.code.toLowerCase(), p.name, p.priceMinor, data.uuid()]));
  product.flush();
  const campaign = side(CAMPAIGNS);
  const member = side(MEMBERS, campaign);
  (data.campaigns ?? []).forEach((c, i) => {
    campaign.add([i + 1, c.name, nameKey(c.name), c.channel, c.budgetMinor, c.costMinor, c.startsOn, c.endsOn, c.excluded, c.owner, data.uuid()]);
    for (const m of c.members) member.add([i + 1, `contact:${m.contact + 1}`, m.contact + 1, m.group, c.startsOn, m.touchedOn, m.respondedOn, m.outcome]);
  });
  campaign.flush();
  member.flush();
  return {
    companies: data.companies.length, contacts: data.contacts.length, deals: data.deals.length,
    activities: data.activities.length, followups: data.followups.length, orders, quotas: data.quotas.length,
  };
}

/**
 * Copies the side thread's tables (attached as `side`) into the load's: each an INSERT ... SELECT * into an empty
 * table of the same definition and indexes, which SQLite does as a transfer of whole records, the table's and then
 * each index's in their order (no sorting). The search index is its shadow tables'
 * rows, as FTS5 wrote them there (the same statements in the same order make the same bytes); they are written only
 * by FTS5 unless defensive mode is lifted. sqlite_sequence lists the tables in the order they were first written
 * (as in one thread): the orders' tables were written here before the copy, so their entries are put back in place.
 */
function copySide(db: Database.Database): void {
  for (const into of SIDE_TABLES) {
    if (into !== SEARCH) db.exec(`insert into main."${tableOf(into)}" select * from side."${tableOf(into)}"`);
  }
  db.unsafeMode(true);
  try {
    for (const shadow of ['data', 'idx', 'content', 'docsize']) {
      db.exec(`delete from main.search_index_${shadow}`);
      db.exec(`insert into main.search_index_${shadow} select * from side.search_index_${shadow}`);
    }
  } finally {
    db.unsafeMode(false);
  }
  const filled = `(${FILLED.map((t) => `'${t}'`).join(', ')})`;
  const seq = new Map(db.prepare(`select name, seq from side.sqlite_sequence where name in ${filled} union all
    select name, seq from main.sqlite_sequence where name in ('orders', 'order_line')`).raw().all() as [string, number][]);
  db.exec(`delete from main.sqlite_sequence where name in ${filled}`);
  // A number from JavaScript is bound as a real, and seq has no type to make it an integer again.
  const put = db.prepare('insert into main.sqlite_sequence (name, seq) values (?, cast(? as integer))');
  for (const table of FILLED) if (seq.has(table)) put.run(table, seq.get(table));
}

/** The table an insert writes. */
function tableOf(into: InsertInto): string {
  return /^insert into (\w+)/.exec(into.head)![1]!;
}

/**
 * The search index's entries for the demo's records: the same the repositories write (search-text.ts), so a demo
 * searches as it would after a restore. They are written after the records, in the order of the records, one
 * statement each (SEARCH): FTS5 writes what it holds as a new segment whenever a statement of many rows begins, so
 * entries written many rows a statement would cut the index in other places than one by one.
 */
function writeSearchIndex(add: (row: unknown[]) => void, data: DemoData): void {
  const index = (kind: SearchKind, id: number, { title, body }: SearchEntry) => add([searchRowid(kind, id), kind, id, title, searchBody(body)]);
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

/** The search index's entries, one a statement (see writeSearchIndex). */
const SEARCH: SideTable = { head: 'insert into search_index (rowid, kind, ref_id, title, body)', row: '(?, ?, ?, ?, ?)', width: 5, perStatement: 1 };
const FOLLOWUPS: InsertInto = { head: `insert into followup (id, title, title_key, due_date, due_time, owner, priority, status, done_at,
  repeat_every, repeat_unit, series_anchor, series_due, contact_id, company_id, deal_id, uuid, created_at, updated_at, created_by, updated_by)`,
row: '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, @at, @at, @actor, @actor)', width: 17 };
const QUOTAS: InsertInto = { head: 'insert into quota (owner, period, amount_minor, uuid, currency, created_at, updated_at, created_by, updated_by)',
  row: '(?, ?, ?, ?, @currency, @at, @at, @actor, @actor)', width: 4 };
const PRODUCTS: InsertInto = { head: `insert into product (id, code, code_key, name, price_minor, uuid, currency, created_at, updated_at, created_by,
  updated_by)`, row: '(?, ?, ?, ?, ?, ?, @currency, @at, @at, @actor, @actor)', width: 6 };
const CAMPAIGNS: InsertInto = { head: `insert into campaign (id, name, name_key, channel, budget_minor, cost_minor, starts_on, ends_on, excluded,
  owner, uuid, window_days, notes, currency, created_at, updated_at, created_by, updated_by)`,
row: '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 30, null, @currency, @at, @at, @actor, @actor)', width: 11 };
const MEMBERS: InsertInto = { head: `insert into campaign_member (campaign_id, member_key, contact_id, arm, added_on, touched_on, responded_on,
  outcome, company_id)`, row: '(?, ?, ?, ?, ?, ?, ?, ?, null)', width: 8 };
/** The tables the side thread writes (SideFile.tables), in the order they are copied in. */
const SIDE_TABLES: SideTable[] = [COMPANIES, CONTACTS, EMAILS, PHONES, TAGS, DEALS, STAGE_CHANGES, ACTIVITIES, SEARCH, FOLLOWUPS, QUOTAS, PRODUCTS,
  CAMPAIGNS, MEMBERS];

const DEMO_ENTITY = 'demo';

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
