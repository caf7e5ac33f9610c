import { type Kysely, sql } from 'kysely';
import { NO_WALLET, withWallets } from '../contact-text.js';
import { chunks } from '../repos/batch.js';
import type { ContactTexts } from '../repos/engine.js';
import type { DB } from '../schema.js';

/**
 * A contact's values in a child table as a JSON array in `order`. With fewer than two there is nothing to sort, and
 * most contacts have one email, one phone, no tag: sorting only the others takes a third off the query (10,000 contacts).
 */
const childArray = (table: string, value: string, parent: string, order: string) => {
  const rows = `from ${table} where ${parent} = p.id`;
  return sql.raw(`(select iif(count(*) < 2, json_group_array(${value}), (select json_group_array(${value} order by ${order}) ${rows})) ${rows})`);
};

/**
 * contactJson's fields in its order, as SQLite's json_object writes them: byte for byte what JSON.stringify writes
 * (the same escapes for every character, no spaces), in one query with the emails, phones and tags instead of four,
 * and no object made in JavaScript. The one thing SQLite writes differently is a number with a fraction (1500.0, not
 * 1500), so the wallet is left null here and written in JavaScript, for the few contacts that have one.
 */
const OBJECT = sql`json_object(
  'id', p.id, 'name', p.name,
  'emails', ${childArray('contact_email', 'email', 'contact_id', 'position')},
  'phones', ${childArray('contact_phone', 'phone', 'contact_id', 'position')},
  'title', p.title,
  'company', iif(p.company_id is null, null, json_object('id', p.company_id, 'name', coalesce(co.name, ''))),
  'role', p.role,
  'reportsTo', iif(p.reports_to_id is null, null, json_object('id', p.reports_to_id, 'name', coalesce(m.name, ''))),
  'source', p.source, 'lifecycle', p.lifecycle, 'consent', p.consent,
  'doNotContact', json(iif(p.do_not_contact = 1, 'true', 'false')),
  'wallet', null, 'currency', null,
  'tags', ${childArray('tag', 'tag', "entity = 'contact' and entity_id", 'tag')},
  'owner', p.owner, 'notes', p.notes, 'externalId', p.external_id,
  'uuid', p.uuid, 'createdAt', p.created_at, 'updatedAt', p.updated_at, 'createdBy', p.created_by, 'updatedBy', p.updated_by)`;

/**
 * The wallet marked for withWallets. A fraction (a real, which crm never writes) goes as quote() writes it, which
 * reads back as the same number; an integer as its digits.
 */
const MARKED = sql.raw(`replace(t, '${NO_WALLET}', '"wallet":' || char(1) || iif(typeof(minor) = 'real', quote(minor), minor) || char(1)
  || ',"currency":' || json_quote(currency))`);

/**
 * The query of contacts `ids` in that order as the text of contactJson joined by `separator`: SQLite joins them and
 * hands over the UTF-8 bytes, which go to stdout as they are, with no string per contact made and encoded again in
 * JavaScript. The ids go in as one JSON array, so the statement is the same for every batch, and json_each's key keeps
 * their order. SQLite never flattens a subquery with an ORDER BY into an aggregate (tuples.ts), so group_concat keeps
 * it too.
 */
const joined = (ids: string, separator: string) => sql`
  select count(*) as n, cast(group_concat(iif(minor is null or currency is null, t, ${MARKED}), ${separator}) as blob) as t
  from (select ${OBJECT} as t, p.wallet_minor as minor, p.currency as currency
    from json_each(${ids}) as j join contact as p on p.id = j.value
    left join company as co on co.id = p.company_id left join contact as m on m.id = p.reports_to_id
    order by j.key)`;

/**
 * Contacts per query, whatever batch the caller reads in: a batch's text (~57 KB at 100 contacts) is made, copied
 * into JavaScript and written in memory the batches before freed. At 500, more of each batch's copies took fresh
 * memory, every page of it a page fault (the 10,000-contact list: 6,900 faults, 6,260 at 100), and the 100,000-contact
 * list peaked at 105 MiB instead of 91.
 */
const BATCH = 100;

export async function* contactTexts(db: Kysely<DB>, ids: readonly number[], size: number, separator: string): ContactTexts {
  // Compiled once: the text is the same for every batch, and Kysely would build it again for each of them.
  const IDS = '[]';
  const query = joined(IDS, separator).compile(db);
  for (const chunk of chunks(ids, Math.min(size, BATCH))) {
    const list = JSON.stringify(chunk);
    const parameters = query.parameters.map((p) => (p === IDS ? list : p));
    const { rows } = await db.executeQuery<{ n: number; t: Uint8Array | null }>({ ...query, parameters });
    const { n, t } = rows[0]!;
    yield { count: n, text: t === null ? new Uint8Array() : withWallets(t) };
  }
}
