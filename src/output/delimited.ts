import { csvQuote, inert, machineColumns, plainCell, spreadsheetCell, tsvClean } from './cells.js';
import { plainMoney } from './money.js';
import { renderForMachines } from './machine.js';
import type { OutputFormat } from './format.js';
import type { Theme } from './theme.js';
import type { Column, Section, TreeNode, WholeOutput as Output } from './view.js';

export interface RenderOptions {
  format: OutputFormat | 'plain';
  quiet: boolean;
  /** Indent JSON (a person is reading). */
  pretty: boolean;
  locale: string;
  theme: Theme;
}

export interface Rendered {
  stdout: string;
  /** Status for a person (what was done, why a list is empty); never data. */
  stderr?: string;
}

export const line = (s: string) => (s === '' ? '' : s.endsWith('\n') ? s : `${s}\n`);

/**
 * Everything but a table and Markdown, which measure and draw (cli-table3, string widths): piped text, CSV, TSV and
 * the machine formats. Undefined for a table or Markdown. What emit loads for a pipe, so a script's `crm contact add`
 * pays for none of the table code.
 */
export function renderPlain(out: Output, o: RenderOptions): Rendered | undefined {
  const done = 'done' in out && out.done && !o.quiet ? out.done : undefined;
  const machine = renderForMachines(out, o.format, o.quiet, o.pretty);
  if (machine !== undefined || out.kind === 'none' || out.kind === 'value' || out.kind === 'document') return { stdout: machine ?? '', stderr: done };
  switch (o.format) {
    case 'csv':
    case 'tsv':
    case 'plain': {
      if (out.kind === 'record' && o.format === 'plain') return { stdout: line(blocks(out)), stderr: done };
      if (out.kind === 'tree' && o.format === 'plain') return { stdout: treeText(out.root, out.nodes, o.theme) };
      const sep = o.format === 'csv' ? ',' : '\t';
      const quote = o.format === 'csv' ? csvQuote : tsvClean;
      const { keys, rows } = oneTable(out, o.format === 'plain' ? plainCell : spreadsheetCell);
      const body = rows.map((r) => r.map(quote).join(sep));
      const header = o.format === 'plain' ? [] : [keys.map(quote).join(sep)];
      return { stdout: line([...header, ...body].join('\n')), stderr: done };
    }
    default:
      return undefined;
  }
}

/** The sections a format shows: people read tables and Markdown; CSV, TSV and pipes are for machines. */
export function sectionsFor(out: Extract<Output, { kind: 'record' }>, audience: 'people' | 'machines'): Section[] {
  return (out.sections ?? []).filter((s) => (s.audience ?? audience) === audience);
}

/** Piped: key<TAB>value lines, then each section as a title line and its rows, blocks separated by a blank line. */
function blocks(out: Extract<Output, { kind: 'record' }>): string {
  const parts = [machineColumns(out.fields).map((f) => `${f.key}\t${tsvClean(plainCell(f, out.data))}`).join('\n')];
  for (const sec of sectionsFor(out, 'machines')) {
    const columns = machineColumns(sec.columns);
    const rows = sec.rows(out.data).map((r) => columns.map((c) => tsvClean(plainCell(c, r))).join('\t'));
    if (rows.length) parts.push([sec.title, ...rows].join('\n'));
  }
  return parts.join('\n\n');
}

/**
 * Any output as the one table of CSV and TSV (a file with several tables is not CSV). A list is its rows; a
 * record without sections one row. A record with sections gets a first column `section` naming what each row
 * is: `record` for the record's own fields, then every row of every section under the section's key. The columns
 * are the union of all their keys, in order of first appearance; a cell a row does not have is empty.
 */
function oneTable(out: Exclude<Output, { kind: 'none' | 'value' | 'document' }>, cell: (col: Column, row: unknown) => string): { keys: string[]; rows: string[][] } {
  const cells = (columns: Column[], rows: unknown[]) => rows.map((r) => columns.map((c) => cell(c, r)));
  if (out.kind === 'list') {
    const columns = machineColumns(out.columns);
    return { keys: columns.map((c) => c.key), rows: cells(columns, out.data) };
  }
  if (out.kind === 'tree') {
    const rows: { depth: number; name: string; detail: string }[] = [];
    const walk = (nodes: TreeNode[], depth: number) => nodes.forEach((n) => {
      rows.push({ depth, name: n.label, detail: n.detail ?? '' });
      walk(n.children, depth + 1);
    });
    walk(out.nodes, 0);
    const columns: Column<typeof rows[0]>[] = [{ header: 'Depth', key: 'depth', value: (r) => r.depth },
      { header: 'Name', key: 'name', value: (r) => r.name }, { header: 'Detail', key: 'detail', value: (r) => r.detail }];
    return { keys: columns.map((c) => c.key), rows: cells(columns, rows) };
  }
  const sections = sectionsFor(out, 'machines');
  const fields = machineColumns(out.fields);
  if (!sections.length) return { keys: fields.map((c) => c.key), rows: cells(fields, [out.data]) };
  const parts = [{ name: 'record', columns: fields, rows: [out.data] as unknown[] },
    ...sections.map((s) => ({ name: s.key ?? s.title, columns: machineColumns(s.columns), rows: s.rows(out.data) }))];
  const keys = ['section', ...new Set(parts.flatMap((p) => p.columns.map((c) => c.key)))];
  const rows = parts.flatMap((p) => {
    const at = new Map(p.columns.map((c) => [c.key, c] as const).reverse()); // the first column of a key wins
    return p.rows.map((r) => keys.map((k, i) => {
      const col = at.get(k);
      return i === 0 ? p.name : col ? cell(col, r) : '';
    }));
  });
  return { keys, rows };
}

/** An org chart as box-drawing lines, the way `tree` prints folders. */
export function treeText(root: string, nodes: TreeNode[], theme: Theme | null): string {
  const lines = [theme ? theme.title(inert(root)) : inert(root)];
  const walk = (list: TreeNode[], prefix: string) => list.forEach((n, i) => {
    const last = i === list.length - 1;
    const detail = n.detail ? `  ${theme ? theme.dim(inert(n.detail)) : inert(n.detail)}` : '';
    lines.push(`${prefix}${last ? '└── ' : '├── '}${inert(n.label)}${detail}`);
    walk(n.children, prefix + (last ? '    ' : '│   '));
  });
  walk(nodes, '');
  return line(lines.join('\n'));
}
