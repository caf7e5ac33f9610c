import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { SearchKind } from '../../domain/reference.js';
import type { SearchIndex } from '../repos/engine.js';
import type { DB } from '../schema.js';
import { type SearchHit, searchWords } from '../search.js';
import { searchBody } from '../search-text.js';
import { recentHits, searchRowid } from '../sqlite/search.js';
import { bm25, type Doc, queryTerm, snippet, tokenize, wordsOf } from './fts5.js';

/** A record's row of the index: what FTS5 would hold, plus its folded words for matching and their count for bm25. */
export function indexRow(kind: SearchKind, id: number, title: string, bodyText: string) {
  const tokens = [...tokenize(title), ...tokenize(bodyText)];
  return { rowid: searchRowid(kind, id), kind, ref_id: id, title, body: bodyText, words: wordsOf(tokens), tokens: tokens.length };
}

/** Each word of the search must start a word of the record: ' ' || term occurs in the folded words. */
const matches = (terms: readonly string[]) => sql.join(terms.map((t) => sql`strpos(words, ${` ${t}`}) > 0`), sql` and `);

/** The search index on PostgreSQL: matched by prefix in SQL, ranked and quoted in JavaScript as FTS5 does. */
export class PgSearchIndex implements SearchIndex {
  constructor(private readonly db: Kysely<DB>) {}

  async put(kind: SearchKind, id: number, title: string, body: string[]): Promise<void> {
    const r = indexRow(kind, id, title, searchBody(body));
    await sql`insert into search_index (rowid, kind, ref_id, title, body, words, tokens)
      values (${r.rowid}, ${r.kind}, ${r.ref_id}, ${r.title}, ${r.body}, ${r.words}, ${r.tokens})
      on conflict (rowid) do update set title = excluded.title, body = excluded.body, words = excluded.words, tokens = excluded.tokens`
      .execute(this.db);
  }

  async remove(kind: SearchKind, id: number): Promise<void> {
    await sql`delete from search_index where rowid = ${searchRowid(kind, id)}`.execute(this.db);
  }

  matchingIds(kind: SearchKind, text: string): RawBuilder<{ ref_id: number }> {
    const terms = searchWords(text).map(queryTerm);
    return sql`select ref_id from search_index where ${matches(terms)} and kind = ${kind}`;
  }

  recent(kinds: readonly SearchKind[], limit: number): Promise<SearchHit[]> {
    return recentHits(this.db, kinds, limit);
  }

  async query(text: string, kinds: readonly SearchKind[], limit: number): Promise<SearchHit[]> {
    const terms = searchWords(text).map(queryTerm);
    // bm25 weighs each word by how many records of the whole index hold it, as FTS5 does.
    const hits = sql.join(terms.map((t) => sql`count(*) filter (where strpos(words, ${` ${t}`}) > 0)`));
    const { rows: [s] } = await sql<{ n: number; total: number | null; hits: number[] }>`
      select count(*) as n, sum(tokens) as total, array[${hits}]::int8[] as hits from search_index`.execute(this.db);
    const stats = { rows: s!.n, tokens: Number(s!.total ?? 0), hits: s!.hits.map(Number) };
    const { rows } = await sql<Doc & { kind: SearchKind; ref_id: number }>`
      select rowid, kind, ref_id, title, body from search_index where ${matches(terms)} and kind in (${sql.join(kinds)})`
      .execute(this.db);
    const ranked = rows.map((r) => ({ r, rank: bm25(r, terms, stats) }))
      .sort((a, b) => a.rank - b.rank || a.r.rowid - b.r.rowid).slice(0, limit);
    return ranked.map(({ r }) => ({ kind: r.kind, id: r.ref_id, name: r.title, match: snippet(r, terms).replace(/\s+/g, ' ').trim() }));
  }
}
