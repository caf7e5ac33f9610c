import { type Kysely, type RawBuilder, sql } from 'kysely';
import { withWallet } from '../contact-text.js';
import type { ContactTexts } from '../repos/engine.js';
import type { DB } from '../schema.js';

/**
 * A contact's values in a child table as compact JSON (array_to_json writes no spaces; json_agg writes ", "), [] for
 * none. The order is the object path's: the same ORDER BY on the same columns (collate "C", see collation.ts).
 */
const childArray = (table: string, value: string, parent: string, order: string) =>
  `coalesce((select array_to_json(array_agg(${value} order by ${order})) from ${table} where ${parent} = p.id), '[]'::json)`;

/** A link ({id, name}, '' for a name gone) as compact JSON: json_build_object would write " : " and ", ". */
const link = (id: string, name: string) =>
  `case when ${id} is null then null else (select row_to_json(l) from (select ${id} as "id", coalesce(${name}, '') as "name") as l) end`;

/**
 * contactJson's fields in its order, as row_to_json writes a row: compact, the keys in column order, each string
 * escaped as JSON.stringify escapes it (PostgreSQL's escape_json: \b \f \n \r \t \" \\, any other control character as
 * \u00xx in lower case; U+2028/2029 and DEL as they are; text holds no NUL and no lone surrogate), null for null,
 * true/false for a boolean. The timestamps and the uuid are text columns (migrations/dialect.ts, 0005_uuids), written
 * as the object path reads them. The wallet, a bigint of minor units, is written in JavaScript as on SQLite (toMajor's
 * division gives 1500, 12.5, 0.001; PostgreSQL's numeric would give 1500.00), for the few contacts that have one.
 */
const row = (scanned: boolean, companyName = 'co.name', managerName = 'm.name') => sql.raw(`select p.id as "id", p.name as "name",
    ${scanned ? 'null::json' : childArray('contact_email', 'email', 'contact_id', 'position')} as "emails",
    ${scanned ? 'null::json' : childArray('contact_phone', 'phone', 'contact_id', 'position')} as "phones",
    p.title as "title",
    ${link('p.company_id', companyName)} as "company",
    p.role as "role",
    ${link('p.reports_to_id', managerName)} as "reportsTo",
    p.source as "source", p.lifecycle as "lifecycle", p.consent as "consent", p.do_not_contact = 1 as "doNotContact",
    null::int as "wallet", null::text as "currency",
    ${scanned ? 'null::json' : childArray('tag', 'tag', "entity = 'contact' and entity_id", 'tag')} as "tags",
    p.owner as "owner", p.notes as "notes", p.external_id as "externalId",
    p.uuid as "uuid", p.created_at as "createdAt", p.updated_at as "updatedAt", p.created_by as "createdBy", p.updated_by as "updatedBy"`);

/** A child table's values of every contact, as the JSON text of each contact's array (in childArray's order). */
async function scan(db: Kysely<DB>, table: string, value: string, parent: string, order: string, where = 'true') {
  const { rows } = await sql<{ id: number; a: string }>`select ${sql.raw(parent)} as id,
    array_to_json(array_agg(${sql.raw(value)} order by ${sql.raw(order)}))::text as a
    from ${sql.raw(table)} where ${sql.raw(where)} group by ${sql.raw(parent)}`.execute(db);
  return new Map(rows.map((r) => [r.id, r.a]));
}

/**
 * What row(true) leaves for the scanned children; as with the wallet's (contact-text.ts), each first match is the
 * contact's own.
 */
const NO_LISTS = '"emails":null,"phones":null';
const NO_TAGS = '"tags":null';

type Row = { id: number; t: string; minor: string | number | null; currency: string | null };

const columns = (scanned: boolean, companyName?: string, managerName?: string) =>
  sql`p.id as id, (select row_to_json(r)::text from (${row(scanned, companyName, managerName)}) as r) as t,
    p.wallet_minor as minor, p.currency as currency`;

/**
 * Contacts `ids` (one gone left out) in that order: their rows, and the names of their companies and managers. By
 * id in name order, PostgreSQL plans an index lookup per contact; a long list is planned as hash joins and a sort.
 */
const joined = (ids: readonly number[], select: RawBuilder<unknown>) => sql`select ${select}
  from unnest(${ids}::int[]) with ordinality as j(id, n) join contact as p on p.id = j.id
  left join company as co on co.id = p.company_id left join contact as m on m.id = p.reports_to_id
  order by j.n`;

/** Contacts `ids` in that order as the text of contactJson (EngineSql.contactTexts): one query, or a cursor if long. */
export async function* contactTexts(db: Kysely<DB>, ids: readonly number[], size: number, separator: string): ContactTexts {
  if (ids.length > size) {
    yield* longList(db, ids, size, separator);
  } else if (ids.length) {
    const { rows } = await joined(ids, columns(false)).$castTo<Row>().execute(db);
    yield { count: rows.length, text: rows.map(({ t, minor, currency }) => withWallet(t, minor, currency)).join(separator) };
  }
}

/**
 * A long list, `size` at a time, as of one moment: the emails, phones and tags of every contact first, one scan per
 * table (scansForLongLists), then the rows through a cursor over one query for the whole list. PostgreSQL joins the
 * tables whole and sorts their rows (without the texts) into the list's order, instead of 200 queries of 500 ids with
 * an index lookup per contact; each row's text is made as it is fetched (100k demo: server CPU 1.6-1.8 s against
 * 2.2-2.5 s, crm's own 1.5-2.0 s against 1.8-2.1 s). The cursor's first fetch, which does the joining and sorting, is
 * asked for while the scans' results are read, and each next one before the one before it is handed on.
 */
async function* longList(db: Kysely<DB>, ids: readonly number[], size: number, separator: string): ContactTexts {
  // Inside a caller's transaction the cursor lives in that one, which this must neither commit nor roll back.
  const own = !db.isTransaction;
  if (own) await sql`begin isolation level repeatable read read only`.execute(db);
  let finished = false;
  try {
    // One connection runs these in the order asked, each as soon as the one before has answered.
    const scans = Promise.all([
      scan(db, 'contact_email', 'email', 'contact_id', 'position'),
      scan(db, 'contact_phone', 'phone', 'contact_id', 'position'),
      scan(db, 'tag', 'tag', 'entity_id', 'tag', "entity = 'contact'"),
    ]);
    const setUp = Promise.all([
      // A cursor is planned for its first rows unless told otherwise: every row is wanted.
      sql`set local cursor_tuple_fraction = 1`.execute(db),
      sql`declare contact_texts no scroll cursor for select ${columns(true, 'p.company_name', 'p.manager_name')}
        from (${joined(ids, sql`j.n, p.*, co.name as company_name, m.name as manager_name`)} offset 0) as p
        order by p.n`.execute(db),
    ]);
    const fetch = () => sql<Row>`fetch ${sql.raw(String(size))} from contact_texts`.execute(db);
    let next = fetch();
    // Marked handled: a failure surfaces where each is awaited, and a list stopped early leaves no rejection behind.
    for (const p of [setUp, next]) p.catch(() => {});
    const [emails, phones, tags] = await scans;
    await setUp;
    for (;;) {
      const { rows } = await next;
      if (!rows.length) break;
      next = fetch();
      next.catch(() => {});
      yield { count: rows.length, text: rows.map(({ id, t, minor, currency }) => withWallet(t, minor, currency)
        .replace(NO_LISTS, () => `"emails":${emails.get(id) ?? '[]'},"phones":${phones.get(id) ?? '[]'}`)
        .replace(NO_TAGS, () => `"tags":${tags.get(id) ?? '[]'}`)).join(separator) };
    }
    finished = true;
  } finally {
    // Stopped early (a closed pipe) or failed: the transaction, and with it the cursor, is rolled back.
    if (!own) await sql`close contact_texts`.execute(db).catch(() => {});
    else if (finished) await sql`commit`.execute(db);
    else await sql`rollback`.execute(db).catch(() => {});
  }
}
