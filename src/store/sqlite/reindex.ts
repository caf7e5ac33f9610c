import type Database from 'better-sqlite3';
import { activityEntry, companyEntry, contactEntry, dealEntry, searchBody, type SearchEntry } from '../search-text.js';
import { searchRowid } from './search.js';
import type { SearchKind } from '../../domain/reference.js';

/** Values of one column per parent id, in the order the query gives them (tags by name, emails by position). */
function grouped(db: Database.Database, query: string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const [id, value] of db.prepare(query).raw(true).iterate() as Iterable<[number, string]>) {
    const list = out.get(id);
    if (list) list.push(value);
    else out.set(id, [value]);
  }
  return out;
}

const named = (id: number | null, name: string | null) => (id === null ? null : { name: name ?? '' });

/**
 * The rows of `query` (which takes the last id seen as its parameter and orders by id), a page at a time: a statement
 * being iterated keeps the connection busy, and the index is written while they are read.
 */
function* pages(db: Database.Database, query: string, size = 2000): Generator<any> {
  const page = db.prepare(`${query} limit ${size}`);
  for (let after = -Infinity; ;) {
    const rows = page.all(after) as { id: number }[];
    yield* rows;
    if (rows.length < size) return;
    after = rows.at(-1)!.id;
  }
}

/**
 * Fills the empty search index from the records, as the repositories would have written it record by record (the
 * same entries: search-text.ts). A restore runs it: the index is derived data, not part of a backup.
 */
export function rebuildSearch(db: Database.Database): number {
  db.prepare('delete from search_index').run();
  const insert = db.prepare('insert into search_index (rowid, kind, ref_id, title, body) values (?, ?, ?, ?, ?)');
  let count = 0;
  const put = (kind: SearchKind, id: number, { title, body }: SearchEntry) => {
    insert.run(searchRowid(kind, id), kind, id, title, searchBody(body));
    count += 1;
  };

  const companyTags = grouped(db, "select entity_id, tag from tag where entity = 'company' order by entity_id, tag");
  for (const c of pages(db, 'select id, name, domain, industry, address, notes from company where id > ? order by id')) {
    put('company', c.id, companyEntry({ ...c, tags: companyTags.get(c.id) ?? [] }));
  }
  companyTags.clear();

  const contactTags = grouped(db, "select entity_id, tag from tag where entity = 'contact' order by entity_id, tag");
  const emails = grouped(db, 'select contact_id, email from contact_email order by contact_id, position');
  const phones = grouped(db, 'select contact_id, phone from contact_phone order by contact_id, position');
  for (const c of pages(db, 'select id, name, title, notes from contact where id > ? order by id')) {
    put('contact', c.id, contactEntry({ ...c, emails: emails.get(c.id) ?? [], phones: phones.get(c.id) ?? [], tags: contactTags.get(c.id) ?? [] }));
  }
  contactTags.clear();
  emails.clear();
  phones.clear();

  for (const d of pages(db, `select d.id, d.title, d.company_id, co.name as company_name, d.contact_id, ct.name as contact_name,
      d.source, d.next_step, d.lost_reason from deal d left join company co on co.id = d.company_id
      left join contact ct on ct.id = d.contact_id where d.id > ? order by d.id`)) {
    put('deal', d.id, dealEntry({ title: d.title, company: named(d.company_id, d.company_name), contact: named(d.contact_id, d.contact_name),
      source: d.source, nextStep: d.next_step, lostReason: d.lost_reason }));
  }

  for (const a of pages(db, `select a.id, a.type, a.summary, a.outcome, a.contact_id, ct.name as contact_name, a.company_id,
      co.name as company_name, a.deal_id, d.title as deal_title from activity a left join contact ct on ct.id = a.contact_id
      left join company co on co.id = a.company_id left join deal d on d.id = a.deal_id where a.id > ? order by a.id`)) {
    put('activity', a.id, activityEntry({ type: a.type, summary: a.summary, outcome: a.outcome, contact: named(a.contact_id, a.contact_name),
      company: named(a.company_id, a.company_name), deal: named(a.deal_id, a.deal_title) }));
  }
  return count;
}
