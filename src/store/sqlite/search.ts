import { type Kysely, type RawBuilder, sql } from 'kysely';
import { CrmError } from '../../errors.js';
import type { SearchKind } from '../../domain/reference.js';
import type { DB } from '../schema.js';

// SQLite FTS5. A PostgreSQL store keeps the same interface over tsvector.
const KIND_CODE: Record<SearchKind, number> = { company: 1, contact: 2, deal: 3, activity: 4 };
const rowid = (kind: SearchKind, id: number) => id * 8 + KIND_CODE[kind];

export interface SearchHit {
  kind: SearchKind;
  id: number;
  name: string;
  match: string;
}

/** Each word of the user's text must match the start of an indexed word: "acme gm" finds "Acme GmbH". */
export function ftsQuery(text: string): string {
  const words = text.normalize('NFKC').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length === 0) {
    throw new CrmError('usage', `search text "${text}" has no letters or digits`, 'search for a name, email or word');
  }
  return words.map((w) => `"${w}"*`).join(' ');
}

export class SearchIndex {
  constructor(private readonly db: Kysely<DB>) {}

  async put(kind: SearchKind, id: number, title: string, body: string[]): Promise<void> {
    await this.remove(kind, id);
    await sql`insert into search_index (rowid, kind, ref_id, title, body)
      values (${rowid(kind, id)}, ${kind}, ${id}, ${title}, ${body.filter(Boolean).join(' \n')})`.execute(this.db);
  }

  async remove(kind: SearchKind, id: number): Promise<void> {
    await sql`delete from search_index where rowid = ${rowid(kind, id)}`.execute(this.db);
  }

  /** A subquery of the ids of one kind whose text matches, for list filters. */
  matchingIds(kind: SearchKind, text: string): RawBuilder<{ ref_id: number }> {
    return sql`select ref_id from search_index where search_index match ${ftsQuery(text)} and kind = ${kind}`;
  }

  /** The newest records of some kinds, for a picker before anything is typed. */
  async recent(kinds: readonly SearchKind[], limit: number): Promise<SearchHit[]> {
    const { rows } = await sql<{ kind: SearchKind; ref_id: number; title: string }>`
      select kind, ref_id, title from search_index where kind in (${sql.join(kinds)})
      order by rowid desc limit ${limit}`.execute(this.db);
    return rows.map((r) => ({ kind: r.kind, id: r.ref_id, name: r.title, match: '' }));
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
