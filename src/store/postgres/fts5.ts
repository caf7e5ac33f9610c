/**
 * SQLite FTS5's unicode61 tokenizer (remove_diacritics 2), its bm25 rank and its snippet(), in JavaScript: the
 * PostgreSQL engine finds the candidate rows and ranks them here, so `crm search` finds, orders and quotes the same
 * records on both engines (issue 16). The algorithms follow SQLite's fts5_tokenize.c and fts5_aux.c.
 */

export interface Token {
  /** Folded: lower case, diacritics removed. */
  text: string;
  start: number;
  end: number;
}

const TOKEN_CHAR = /[\p{L}\p{N}\p{Co}\p{M}]/u;

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The tokens of `text` with their offsets, as unicode61 splits it: runs of letters, digits and private-use characters. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const re = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const folded = fold(m[0]);
    // A run of marks alone folds to nothing, as unicode61 drops it.
    if (folded) out.push({ text: folded, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** A query word as FTS5 matches it ("word"*): folded, a prefix of a token. */
export const queryTerm = (word: string): string => fold(word);

/** A document's words as the index stores them, for prefix matching with strpos(words, ' ' || term). */
export const wordsOf = (tokens: readonly Token[]): string => ` ${tokens.map((t) => t.text).join(' ')}`;

export { TOKEN_CHAR };

export interface RankStats {
  /** Rows in the whole index. */
  rows: number;
  /** Tokens in the whole index. */
  tokens: number;
  /** Per query term, the rows it matches. */
  hits: number[];
}

export interface Doc {
  rowid: number;
  title: string;
  body: string;
}

interface Inst {
  phrase: number;
  col: number;
  off: number;
}

/** Phrase instances in FTS5's order: by column, then position, then phrase. */
function instances(cols: Token[][], terms: readonly string[]): Inst[] {
  const out: Inst[] = [];
  cols.forEach((tokens, col) => tokens.forEach((t, off) => terms.forEach((term, phrase) => {
    if (t.text.startsWith(term)) out.push({ phrase, col, off });
  })));
  return out;
}

/** bm25() with FTS5's constants, as `order by rank` sorts (lower first). */
export function bm25(doc: Doc, terms: readonly string[], stats: RankStats): number {
  const k1 = 1.2;
  const b = 0.75;
  const cols = [tokenize(doc.title), tokenize(doc.body)];
  const freq = terms.map(() => 0);
  for (const i of instances(cols, terms)) freq[i.phrase]! += 1;
  const D = cols[0]!.length + cols[1]!.length;
  const avgdl = stats.tokens / stats.rows;
  let score = 0.0;
  terms.forEach((_, i) => {
    const nHit = stats.hits[i]!;
    let idf = Math.log((stats.rows - nHit + 0.5) / (nHit + 0.5));
    if (idf <= 0.0) idf = 1e-6;
    const f = freq[i]!;
    score += idf * ((f * (k1 + 1.0)) / (f + k1 * (1 - b + b * D / avgdl)));
  });
  return -1.0 * score;
}

/** snippet(search_index, -1, '', '', '…', 10): the best 10-token window of the best column. */
export function snippet(doc: Doc, terms: readonly string[], nToken = 10, ellipsis = '…'): string {
  // Columns as FTS5 numbers them: kind and ref_id (unindexed, no tokens), title, body.
  const texts = ['', '', doc.title, doc.body];
  const cols = texts.map(tokenize);
  const insts = instances(cols, terms);
  const score = (col: number, pos: number, withAdj: boolean, docSize: number) => {
    const seen = new Set<number>();
    let n = 0;
    let first = -1;
    let last = 0;
    for (const i of insts) {
      if (i.col === col && i.off >= pos && i.off < pos + nToken) {
        n += seen.has(i.phrase) ? 1 : 1000;
        seen.add(i.phrase);
        if (first < 0) first = i.off;
        last = i.off + 1;
      }
    }
    let adj = 0;
    if (withAdj) {
      adj = first - Math.trunc((nToken - (last - first)) / 2);
      if (adj + nToken > docSize) adj = docSize - nToken;
      if (adj < 0) adj = 0;
    }
    return { n, adj };
  };
  let best = 0;
  let bestCol = 0;
  let bestStart = 0;
  let colSize = 0;
  for (let col = 0; col < texts.length; col++) {
    const text = texts[col]!;
    const tokens = cols[col]!;
    // Sentence starts: the first token, and any after whitespace preceded by '.' or ':'.
    const firsts: number[] = [];
    tokens.forEach((t, pos) => {
      if (pos === 0) return void firsts.push(0);
      let i = t.start - 1;
      let c = '';
      for (; i >= 0; i--) {
        c = text[i]!;
        if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') break;
      }
      if (i !== t.start - 1 && (c === '.' || c === ':')) firsts.push(pos);
    });
    const docSize = tokens.length;
    for (const inst of insts) {
      if (inst.col !== col) continue;
      const s = score(col, inst.off, true, docSize);
      if (s.n > best) {
        best = s.n;
        bestCol = col;
        bestStart = s.adj;
        colSize = docSize;
      }
      if (firsts.length && docSize > nToken) {
        let jj = 0;
        for (; jj < firsts.length - 1; jj++) if (firsts[jj + 1]! > inst.off) break;
        if (firsts[jj]! < inst.off) {
          const s2 = score(col, firsts[jj]!, false, docSize);
          const n = s2.n + (firsts[jj] === 0 ? 120 : 100);
          if (n > best) {
            best = n;
            bestCol = col;
            bestStart = firsts[jj]!;
            colSize = docSize;
          }
        }
      }
    }
  }
  const text = texts[bestCol]!;
  const tokens = cols[bestCol]!;
  if (colSize === 0) colSize = tokens.length;
  const rangeEnd = bestStart + nToken - 1;
  const from = bestStart > 0 ? tokens[bestStart]?.start ?? text.length : 0;
  let out = bestStart > 0 ? ellipsis : '';
  if (rangeEnd >= colSize - 1) out += text.slice(from);
  else out += text.slice(from, tokens[rangeEnd]!.end) + ellipsis;
  return out;
}
