import { type Kysely, sql } from 'kysely';
import { chunks } from '../repos/batch.js';
import { withWallet } from '../contact-text.js';
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
const row = (scanned: boolean) => sql.raw(`select p.id as "id", p.name as "name",
    ${scanned ? 'null::json' : childArray('contact_email', 'email', 'contact_id', 'position')} as "emails",
    ${scanned ? 'null::json' : childArray('contact_phone', 'phone', 'contact_id', 'position')} as "phones",
    p.title as "title",
    ${link('p.company_id', 'co.name')} as "company",
    p.role as "role",
    ${link('p.reports_to_id', 'm.name')} as "reportsTo",
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

/**
 * Contacts `ids` in that order as the text of contactJson, `size` at a time (EngineSql.contactTexts). A long list reads
 * the emails, phones and tags of every contact first, one scan per table (scansForLongLists: by id, in name order,
 * each is an index lookup per contact, two thirds of the query), and each batch is asked for before the one before it
 * is handed on, so the server writes it meanwhile.
 */
export async function* contactTexts(db: Kysely<DB>, ids: readonly number[], size: number): AsyncGenerator<string[]> {
  const long = ids.length > size;
  const [emails, phones, tags] = long ? await Promise.all([
    scan(db, 'contact_email', 'email', 'contact_id', 'position'),
    scan(db, 'contact_phone', 'phone', 'contact_id', 'position'),
    scan(db, 'tag', 'tag', 'entity_id', 'tag', "entity = 'contact'"),
  ]) : [];
  const ROW = row(long);
  const batch = async (chunk: readonly number[]) => {
    const { rows } = await sql<{ id: number; t: string; minor: string | number | null; currency: string | null }>`
      select p.id as id, (select row_to_json(r)::text from (${ROW}) as r) as t, p.wallet_minor as minor, p.currency as currency
      from unnest(${chunk}::int[]) with ordinality as j(id, n) join contact as p on p.id = j.id
      left join company as co on co.id = p.company_id left join contact as m on m.id = p.reports_to_id
      order by j.n`.execute(db);
    return rows.map(({ id, t, minor, currency }) => {
      let text = withWallet(t, minor, currency);
      if (long) {
        text = text.replace(NO_LISTS, () => `"emails":${emails!.get(id) ?? '[]'},"phones":${phones!.get(id) ?? '[]'}`)
          .replace(NO_TAGS, () => `"tags":${tags!.get(id) ?? '[]'}`);
      }
      return text;
    });
  };
  const batches = [...chunks(ids, size)];
  let next = batches.length ? batch(batches[0]!) : undefined;
  for (let i = 0; i < batches.length; i++) {
    const texts = await next!;
    next = i + 1 < batches.length ? batch(batches[i + 1]!) : undefined;
    // Marked handled: a list stopped early leaves no unhandled rejection behind.
    next?.catch(() => {});
    yield texts;
  }
}
