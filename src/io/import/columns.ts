import { rejected } from '../../domain/check.js';
import { personName } from '../../domain/imports/cells.js';
import type { ColumnSource } from '../../domain/imports/presets.js';
import type { RowSchema } from '../../domain/row-schema.js';
import { invalid } from '../../errors.js';

/**
 * Columns read together into one field (a preset's "First Name" + "Last Name"), joined by `join` (default one space);
 * 'name' joins given, middle and family name as the name is written (personName).
 */
interface Alternative {
  columns: readonly string[];
  join: string;
}

export interface ColumnMap<F extends string> {
  /** Where each field is read: the first of its alternatives that has a value in the row. */
  sources: Record<F, readonly Alternative[]>;
  /** Fields the user mapped with --map: the file must have their columns. */
  explicit: ReadonlySet<F>;
}

type Fields<F extends string> = Pick<RowSchema<F, unknown>, 'fields' | 'required' | 'mapExamples'>;

const alternatives = (source: ColumnSource): Alternative[] =>
  (typeof source === 'string' ? [{ columns: [source], join: ' ' }] : source.map((a) => ({ columns: a.columns, join: a.join ?? ' ' })));

/** A list field of crm's own columns also reads the column named in the singular, as a hand-made sheet names it. */
const SINGULAR: Record<string, string> = { emails: 'email', phones: 'phone', tags: 'tag' };
const ownColumns = (field: string): ColumnSource => (SINGULAR[field] ? [{ columns: [field] }, { columns: [SINGULAR[field]!] }] : field);

/**
 * Each field's column: its own name (or where a preset reads it), unless `--map field=Column` names another.
 */
export function mapColumns<F extends string>(schema: Fields<F>, maps: readonly string[] | undefined,
  preset: Partial<Record<F, ColumnSource>> = {}): ColumnMap<F> {
  const sources = Object.fromEntries(schema.fields.map((f) => [f, alternatives(preset[f] ?? ownColumns(f))])) as Record<F, Alternative[]>;
  const explicit = new Set<F>();
  for (const m of maps ?? []) {
    const [field, name] = m.split('=', 2).map((s) => s.trim());
    if (!field || !name || !(schema.fields as readonly string[]).includes(field)) {
      throw rejected('--map', m, `is not FIELD=COLUMN; fields: ${schema.fields.join(', ')}; e.g. --map ${schema.mapExamples[0]}`);
    }
    sources[field as F] = alternatives(name);
    explicit.add(field as F);
  }
  return { sources, explicit };
}

/** The columns of a header a field reads, once patterns ("E-mail * - Value") are matched against it. */
export interface BoundColumns<F extends string> {
  /** A field's text in a record: the first alternative with a value, its non-empty cells joined; '' when none has one. */
  read(record: Record<string, string>, field: F): string;
  /** The columns a field reads from, as errors name them. */
  label(field: F): string;
  /** Whether the header has a column the field reads. */
  has(field: F): boolean;
}

/**
 * A cell as it was before a spreadsheet-safe CSV guarded it: crm's exports (and OWASP's advice they follow) put a '
 * before a text that starts with = + - @, so that no spreadsheet runs it as a formula.
 */
const unguarded = (cell: string) => (cell.charCodeAt(0) === 0x27 && /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

const pattern = (column: string) => (column.includes('*')
  ? new RegExp(`^${column.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`) : null);

/**
 * Refuses a header without a column a field needs, or with a column a field reads twice: which of the two would
 * count? (Columns no field reads may repeat: exports often end in several unnamed ones.) Returns where each field
 * reads in this header.
 */
export function checkHeader<F extends string>(header: readonly string[], map: ColumnMap<F>, schema: Fields<F>): BoundColumns<F> {
  const bound = new Map<F, Alternative[]>();
  // A column named exactly wins; else one that differs only in case or surrounding spaces ("Email " for email).
  const loose = (c: string) => c.trim().toLowerCase();
  const find = (c: string): string | null => (header.includes(c) ? c : header.find((h) => loose(h) === loose(c)) ?? null);
  for (const f of schema.fields) {
    const alts = map.sources[f].map((a) => ({
      join: a.join,
      // A name's parts keep their places (given, middle, family); a part the header lacks reads as empty.
      columns: a.join === 'name' ? a.columns.map((c) => (c === '' ? '' : find(c) ?? '')) : a.columns.flatMap((c) => {
        const p = pattern(c);
        if (p) return [...new Set(header.filter((h) => p.test(h)))];
        const h = find(c);
        return h === null ? [] : [h];
      }),
    })).filter((a) => a.columns.some((c) => c !== ''));
    bound.set(f, alts);
  }
  const columns = `(columns: ${header.join(', ')})`;
  const needed = schema.fields.filter((f) => schema.required.includes(f) || map.explicit.has(f));
  const missing = needed.filter((f) => !bound.get(f)!.length).map((f) => map.sources[f].flatMap((a) => a.columns).filter((c) => c !== ''));
  if (missing.length) {
    const names = missing.map((cs) => cs.map((c) => `"${c}"`).join(' or '));
    throw invalid('FILE', `has no column ${names.join(', ')} ${columns}`,
      `name the columns with --map, e.g. ${schema.mapExamples.map((e) => `--map ${e}`).join(' ')}`);
  }
  const read = new Set([...bound.values()].flatMap((alts) => alts.flatMap((a) => a.columns)).filter((c) => c !== ''));
  const twice = [...read].filter((c) => header.indexOf(c) !== header.lastIndexOf(c));
  if (twice.length) {
    throw invalid('FILE', `has the column ${twice.map((c) => `"${c}"`).join(', ')} more than once ${columns}`,
      'rename or remove the extra one, so that each field reads one column');
  }
  const readers = new Map([...bound].map(([f, alts]) => [f, reader(alts)]));
  return {
    read: (record, field) => readers.get(field)!(record),
    label(field) {
      const cs = bound.get(field)!.flatMap((a) => a.columns).filter((c) => c !== '');
      return (cs.length ? cs : map.sources[field].flatMap((a) => a.columns).filter((c) => c !== '')).join(', ');
    },
    has: (field) => bound.get(field)!.length > 0,
  };
}

/**
 * A field's text in a record, from where the header has it: the first alternative with a value, its non-empty cells
 * joined. A field read from one column (most) is read without the loops, as it is read for each field of each row.
 */
function reader(alts: readonly Alternative[]): (record: Record<string, string>) => string {
  if (alts.length === 1 && alts[0]!.join !== 'name' && alts[0]!.columns.length === 1) {
    const column = alts[0]!.columns[0]!;
    return (record) => unguarded((record[column] ?? '').trim());
  }
  return (record) => {
    for (const a of alts) {
      if (a.join === 'name') {
        const [given = '', middle = '', family = ''] = a.columns.map((c) => (c === '' ? '' : unguarded((record[c] ?? '').trim())));
        const text = personName(given, middle, family);
        if (text !== '') return text;
        continue;
      }
      let text = '';
      for (const c of a.columns) {
        const v = unguarded((record[c] ?? '').trim());
        if (v !== '') text = text === '' ? v : `${text}${a.join}${v}`;
      }
      if (text !== '') return text;
    }
    return '';
  };
}
