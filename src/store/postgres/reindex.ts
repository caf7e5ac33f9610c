import type pg from 'pg';
import type { SearchKind } from '../../domain/reference.js';
import { activityEntry, companyEntry, contactEntry, dealEntry, searchBody, type SearchEntry } from '../search-text.js';
import { copyRows } from './copy.js';
import { indexRow } from './search.js';

async function grouped(client: pg.Client, text: string): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  for (const [id, value] of (await client.query<[number, string]>({ text, rowMode: 'array' })).rows) {
    const list = out.get(id);
    if (list) list.push(value);
    else out.set(id, [value]);
  }
  return out;
}

const named = (id: number | null, name: string | null) => (id === null ? null : { name: name ?? '' });

/** Fills the search index from the records, the same entries the repositories write (see sqlite/reindex.ts). */
export async function rebuildSearchPg(client: pg.Client): Promise<number> {
  await client.query('delete from search_index');
  const rows: unknown[][] = [];
  const put = (kind: SearchKind, id: number, { title, body }: SearchEntry) => {
    const r = indexRow(kind, id, title, searchBody(body));
    rows.push([r.rowid, r.kind, r.ref_id, r.title, r.body, r.words, r.tokens]);
  };
  const all = async (text: string) => (await client.query(text)).rows;

  const companyTags = await grouped(client, "select entity_id, tag from tag where entity = 'company' order by entity_id, tag");
  for (const c of await all('select id, name, domain, industry, address, notes from company order by id')) {
    put('company', c.id, companyEntry({ ...c, tags: companyTags.get(c.id) ?? [] }));
  }
  const contactTags = await grouped(client, "select entity_id, tag from tag where entity = 'contact' order by entity_id, tag");
  const emails = await grouped(client, 'select contact_id, email from contact_email order by contact_id, position');
  const phones = await grouped(client, 'select contact_id, phone from contact_phone order by contact_id, position');
  for (const c of await all('select id, name, title, notes from contact order by id')) {
    put('contact', c.id, contactEntry({ ...c, emails: emails.get(c.id) ?? [], phones: phones.get(c.id) ?? [], tags: contactTags.get(c.id) ?? [] }));
  }
  for (const d of await all(`select d.id, d.title, d.company_id, co.name as company_name, d.contact_id, ct.name as contact_name,
      d.source, d.next_step, d.lost_reason from deal d left join company co on co.id = d.company_id
      left join contact ct on ct.id = d.contact_id order by d.id`)) {
    put('deal', d.id, dealEntry({ title: d.title, company: named(d.company_id, d.company_name), contact: named(d.contact_id, d.contact_name),
      source: d.source, nextStep: d.next_step, lostReason: d.lost_reason }));
  }
  for (const a of await all(`select a.id, a.type, a.summary, a.outcome, a.contact_id, ct.name as contact_name, a.company_id,
      co.name as company_name, a.deal_id, d.title as deal_title from activity a left join contact ct on ct.id = a.contact_id
      left join company co on co.id = a.company_id left join deal d on d.id = a.deal_id order by a.id`)) {
    put('activity', a.id, activityEntry({ type: a.type, summary: a.summary, outcome: a.outcome, contact: named(a.contact_id, a.contact_name),
      company: named(a.company_id, a.company_name), deal: named(a.deal_id, a.deal_title) }));
  }
  return copyRows(client, 'search_index', ['rowid', 'kind', 'ref_id', 'title', 'body', 'words', 'tokens'], rows);
}
