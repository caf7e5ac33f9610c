import { rejected } from '../../domain/check.js';
import type { RowSchema } from '../../domain/row-schema.js';
import { invalid } from '../../errors.js';

export interface ColumnMap<F extends string> {
  /** The column each field is read from. */
  column: Record<F, string>;
  /** Fields the user mapped with --map: the file must have their columns. */
  explicit: ReadonlySet<F>;
}

type Fields<F extends string> = Pick<RowSchema<F, unknown>, 'fields' | 'required' | 'mapExamples'>;

/** Each field's column: its own name (or a preset's column), unless `--map field=Column` names another. */
export function mapColumns<F extends string>(schema: Fields<F>, maps: readonly string[] | undefined, preset: Partial<Record<F, string>> = {}): ColumnMap<F> {
  const column = Object.fromEntries(schema.fields.map((f) => [f, preset[f] ?? f])) as Record<F, string>;
  const explicit = new Set<F>();
  for (const m of maps ?? []) {
    const [field, name] = m.split('=', 2).map((s) => s.trim());
    if (!field || !name || !(schema.fields as readonly string[]).includes(field)) {
      throw rejected('--map', m, `is not FIELD=COLUMN; fields: ${schema.fields.join(', ')}; e.g. --map ${schema.mapExamples[0]}`);
    }
    column[field as F] = name;
    explicit.add(field as F);
  }
  return { column, explicit };
}

/**
 * Refuses a header without a column a field needs, or with a column a field reads twice: which of the two would
 * count? (Columns no field reads may repeat: exports often end in several unnamed ones.)
 */
export function checkHeader<F extends string>(header: readonly string[], map: ColumnMap<F>, schema: Fields<F>): void {
  const needed = schema.fields.filter((f) => schema.required.includes(f) || map.explicit.has(f)).map((f) => map.column[f]);
  const missing = needed.filter((c) => !header.includes(c));
  const columns = `(columns: ${header.join(', ')})`;
  if (missing.length) {
    throw invalid('FILE', `has no column ${missing.map((c) => `"${c}"`).join(', ')} ${columns}`,
      `name the columns with --map, e.g. ${schema.mapExamples.map((e) => `--map ${e}`).join(' ')}`);
  }
  const twice = [...new Set(schema.fields.map((f) => map.column[f]))].filter((c) => header.indexOf(c) !== header.lastIndexOf(c));
  if (twice.length) {
    throw invalid('FILE', `has the column ${twice.map((c) => `"${c}"`).join(', ')} more than once ${columns}`,
      'rename or remove the extra one, so that each field reads one column');
  }
}
