import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { SearchKind } from '../../domain/reference.js';
import type { SearchIndex } from '../repos/engine.js';
import type { DB } from '../schema.js';
import { type SearchHit, searchWords } from '../search.js';
import { searchBody } from '../search-text.js';

const KIND_CODE: Record<SearchKind, number> = { company: 1, contact: 2, deal: 3, activity: 4 };

/** A record's row in the FTS5 table: one number for kind and id, so a put replaces by rowid. */
export const searchRowid = (kind: SearchKind, id: number) => id * 8 + KIND_CODE[kind];

/** Each word must match the start of an indexed word: "acme gm" finds "Acme GmbH". */
export function ftsQuery(text: string): string {
  return searchWords(text).map((w) => `"${w}"*`).join(' ');
}

/** SQLite FTS5 over one connection. */
export class Fts5Index implements SearchIndex {
  constructor(private readonly db: Kysely<DB>) {}

  async put(kind: SearchKind, id: number, title: string, body: string[]): Promise<void> {
    await this.remove(kind, id);
    await sql`insert into search_index (rowid, kind, ref_id, title, body)
      values (${searchRowid(kind, id)}, ${kind}, ${id}, ${title}, ${searchBody(body)})`.execute(this.db);
  }

  async remove(kind: SearchKind, id: number): Promise<void> {
    await sql`delete from search_index where rowid = ${searchRowid(kind, id)}`.execute(this.db);
  }

  matchingIds(kind: SearchKind, text: string): RawBuilder<{ ref_id: number }> {
    return sql`select ref_id from search_index where search_index match ${ftsQuery(text)} and kind = ${kind}`;
  }

  recent(kinds: readonly SearchKind[], limit: number): Promise<SearchHit[]> {
    return recentHits(this.db, kinds, limit);
  }

  async query(text: string, kinds: readonly SearchKind[], limit: number): Promise<SearchHit[]> {
    const { rows } = await sql<{ kind: SearchKind; ref_id: number; title: string; match: string }>`
      select kind, ref_id, title, snippet(search_index, -1, '', '', '…', 10) as match
      from search_index where search_index match ${ftsQuery(text)}
      and kind in (${sql.join(kinds)}) order by rank, rowid limit ${limit}`.execute(this.db);
    // Indexed fields are separated by newlines; a snippet is shown on one line.
    return rows.map((r) => ({ kind: r.kind, id: r.ref_id, name: r.title, match: r.match.replace(/\s+/g, ' ').trim() }));
  }
}

/** The newest indexed records of `kinds` (highest rowid first), alike on both engines' search_index tables. */
export async function recentHits(db: Kysely<DB>, kinds: readonly SearchKind[], limit: number): Promise<SearchHit[]> {
  const { rows } = await sql<{ kind: SearchKind; ref_id: number; title: string }>`
    select kind, ref_id, title from search_index where kind in (${sql.join(kinds)})
    order by rowid desc limit ${limit}`.execute(db);
  return rows.map((r) => ({ kind: r.kind, id: r.ref_id, name: r.title, match: '' }));
}
