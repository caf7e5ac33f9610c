import { type Kysely, sql } from 'kysely';
import { NO_WALLET, withWallet, withWallets } from '../contact-text.js';
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
 * `joined`: the emails, phones and tags are columns of `p` (longList), not looked up per contact.
 */
const row = (joined: boolean, companyName = 'co.name', managerName = 'm.name') => sql.raw(`select p.id as "id", p.name as "name",
    ${joined ? "coalesce(p.emails, '[]'::json)" : childArray('contact_email', 'email', 'contact_id', 'position')} as "emails",
    ${joined ? "coalesce(p.phones, '[]'::json)" : childArray('contact_phone', 'phone', 'contact_id', 'position')} as "phones",
    p.title as "title",
    ${link('p.company_id', companyName)} as "company",
    p.role as "role",
    ${link('p.reports_to_id', managerName)} as "reportsTo",
    p.source as "source", p.lifecycle as "lifecycle", p.consent as "consent", p.do_not_contact = 1 as "doNotContact",
    null::int as "wallet", null::text as "currency",
    ${joined ? "coalesce(p.tags, '[]'::json)" : childArray('tag', 'tag', "entity = 'contact' and entity_id", 'tag')} as "tags",
    p.owner as "owner", p.notes as "notes", p.external_id as "externalId",
    p.uuid as "uuid", p.created_at as "createdAt", p.updated_at as "updatedAt", p.created_by as "createdBy", p.updated_by as "updatedBy"`);

/**
 * A child table's values of every contact, as each contact's JSON array (in childArray's order). The rows reach
 * array_agg sorted (a sorted subquery, and no parallel plan: see longList): array_agg's own ORDER BY sorts each
 * contact's few values on their own, which took over twice as long (100k demo).
 */
const grouped = (table: string, value: string, parent: string, order: string, where = 'true') =>
  `(select id, array_to_json(array_agg(v)) as a from (select ${parent} as id, ${value} as v from ${table} where ${where}
    order by ${parent}, ${order}) as s group by id)`;

type Row = { t: string; minor: string | number | null; currency: string | null };

const text = (joined: boolean, companyName?: string, managerName?: string) =>
  sql`(select row_to_json(r)::text from (${row(joined, companyName, managerName)}) as r)`;

/**
 * Contacts `ids` (one gone left out) in that order: their rows, and the names of their companies and managers. By
 * id in name order, PostgreSQL plans an index lookup per contact.
 */
const joinedRows = (ids: readonly number[]) => sql`select ${text(false)} as t, p.wallet_minor as minor, p.currency as currency
  from unnest(${ids}::int[]) with ordinality as j(id, n) join contact as p on p.id = j.id
  left join company as co on co.id = p.company_id left join contact as m on m.id = p.reports_to_id
  order by j.n`;

/** Contacts `ids` in that order as the text of contactJson (EngineSql.contactTexts): one query, or a cursor if long. */
export async function* contactTexts(db: Kysely<DB>, ids: readonly number[], size: number, separator: string): ContactTexts {
  if (ids.length > size) {
    yield* longList(db, ids, size, separator);
  } else if (ids.length) {
    const { rows } = await joinedRows(ids).$castTo<Row>().execute(db);
    yield { count: rows.length, text: rows.map(({ t, minor, currency }) => withWallet(t, minor, currency)).join(separator) };
  }
}

/**
 * A long list as batches of `size` that PostgreSQL joins itself: one query for the whole list, read through a
 * cursor one batch (one row) at a time, as of one moment. The tables are joined whole (the emails, phones and tags
 * grouped per contact in one scan each) and sorted into the list's order without the texts; each contact's text is
 * made as its batch is fetched, with its wallet marked for withWallets. crm then reads 200 rows for 100,000
 * contacts, not 100,000 and their 300,000 emails, phones and tags (100k demo: crm's CPU 1.0 s against 1.7 s). No
 * parallel plan: each worker grouped every child table again (the query took 3.6-4.6 s with workers, 1.8 s without).
 */
async function* longList(db: Kysely<DB>, ids: readonly number[], size: number, separator: string): ContactTexts {
  // Inside a caller's transaction the cursor lives in that one, which this must neither commit nor roll back.
  const own = !db.isTransaction;
  if (own) await sql`begin isolation level repeatable read read only`.execute(db);
  let finished = false;
  try {
    // One connection runs these in the order asked, each as soon as the one before has answered.
    const setUp = Promise.all([
      // A cursor is planned for its first rows unless told otherwise: every row is wanted.
      sql`set local cursor_tuple_fraction = 1`.execute(db),
      sql`set local max_parallel_workers_per_gather = 0`.execute(db),
      sql`declare contact_texts no scroll cursor for
        select count(*)::int as n, string_agg(t, ${separator} order by x.n) as t from (
          select p.g, p.n, case when p.wallet_minor is null or p.currency is null then c.t
            else replace(c.t, ${NO_WALLET}, '"wallet":' || chr(1) || p.wallet_minor || chr(1) || ',"currency":' || to_json(p.currency)::text) end as t
          from (select (j.n - 1) / ${size} as g, j.n, p.*, co.name as company_name, m.name as manager_name,
              e.a as emails, ph.a as phones, tg.a as tags
            from unnest(${`{${ids.join(',')}}`}::int[]) with ordinality as j(id, n) join contact as p on p.id = j.id
            left join company as co on co.id = p.company_id left join contact as m on m.id = p.reports_to_id
            left join ${sql.raw(grouped('contact_email', 'email', 'contact_id', 'position'))} as e on e.id = p.id
            left join ${sql.raw(grouped('contact_phone', 'phone', 'contact_id', 'position'))} as ph on ph.id = p.id
            left join ${sql.raw(grouped('tag', 'tag', 'entity_id', 'tag', "entity = 'contact'"))} as tg on tg.id = p.id
            order by g, j.n offset 0) as p
          cross join lateral (select ${text(true, 'p.company_name', 'p.manager_name')} as t) as c
        ) as x group by x.g order by x.g`.execute(db),
    ]);
    const fetch = () => sql<{ n: number; t: string }>`fetch 1 from contact_texts`.execute(db);
    let next = fetch();
    // Marked handled: a failure surfaces where each is awaited, and a list stopped early leaves no rejection behind.
    for (const p of [setUp, next]) p.catch(() => {});
    await setUp;
    for (;;) {
      const { rows } = await next;
      if (!rows.length) break;
      next = fetch();
      next.catch(() => {});
      yield { count: rows[0]!.n, text: withWallets(rows[0]!.t) };
    }
    finished = true;
  } finally {
    // Stopped early (a closed pipe) or failed: the transaction, and with it the cursor, is rolled back.
    if (!own) await sql`close contact_texts`.execute(db).catch(() => {});
    else if (finished) await sql`commit`.execute(db);
    else await sql`rollback`.execute(db).catch(() => {});
  }
}
