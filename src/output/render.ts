import Table from 'cli-table3';
import { strlen } from 'cli-table3/src/utils.js';
import { displayCell } from './cells.js';
import { line, type Rendered, renderPlain, type RenderOptions, sectionsFor, treeText } from './delimited.js';
import type { Column, Section, WholeOutput as Output } from './view.js';

export type { Rendered, RenderOptions };

export function render(out: Output, o: RenderOptions): Rendered {
  const done = 'done' in out && out.done && !o.quiet ? out.done : undefined;
  const plain = renderPlain(out, o);
  if (plain) return plain;
  return o.format === 'markdown' ? { stdout: markdown(out as Exclude<Output, { kind: 'none' | 'value' | 'document' }>, o), stderr: done }
    : table(out as Exclude<Output, { kind: 'none' | 'value' | 'document' }>, o, done);
}

function mdCell(s: string): string {
  return s.replaceAll('|', '\\|').replace(/\r?\n/g, '<br>');
}

function mdTable(headers: string[], rows: string[][]): string {
  const head = `| ${headers.map(mdCell).join(' | ')} |`;
  const rule = `|${headers.map(() => ' --- ').join('|')}|`;
  return [head, rule, ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)].join('\n');
}

function markdown(out: Exclude<Output, { kind: 'none' | 'value' | 'document' }>, o: RenderOptions): string {
  const cells = (cols: Column[], rows: unknown[]) => rows.map((r) => cols.map((c) => displayCell(c, r, o.locale)));
  if (out.kind === 'list') return line(mdTable(out.columns.map((c) => c.header), cells(out.columns, out.data)));
  if (out.kind === 'tree') return line(['```', treeText(out.root, out.nodes, null).trimEnd(), '```'].join('\n'));
  const parts = [mdTable(['Field', 'Value'], out.fields.map((f) => [f.header, displayCell(f, out.data, o.locale)]))];
  for (const s of sectionsFor(out, 'people')) {
    const rows = s.rows(out.data);
    parts.push(`### ${s.title}`, rows.length ? mdTable(s.columns.map((c) => c.header), cells(s.columns, rows)) : `_${s.empty ?? 'none'}_`);
  }
  return line(parts.join('\n\n'));
}

/**
 * Rows per cli-table3 call. Its layout compares every cell with every row above it (cli-table3 issue #68), so one
 * table of 10,000 contacts took 21 s of CPU; blocks of fixed, shared widths draw the same lines in linear time.
 */
const BLOCK = 50;

const BORDERLESS = { top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '',
  'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ' };

/** Borderless, aligned columns (CJK-aware through cli-table3's string-width). */
function grid(columns: Column[], rows: unknown[], o: RenderOptions): string {
  const head = columns.map((c) => o.theme.header(c.header));
  const body = rows.map((r) => columns.map((c) => displayCell(c, r, o.locale)));
  // The width cli-table3 would choose for the whole table: its own measure, and at least 1.
  const colWidths = head.map((h, i) => body.reduce((w, cells) => Math.max(w, strlen(cells[i]!)), Math.max(1, strlen(h))));
  const colAligns = columns.map((c) => (c.type === 'money' || c.type === 'count' ? 'right' as const : 'left' as const));
  const style = { head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true };
  const blocks: string[] = [];
  for (let at = 0; at === 0 || at < body.length; at += BLOCK) {
    const t = new Table({ ...(at === 0 ? { head } : {}), chars: BORDERLESS, style, colAligns, colWidths });
    t.push(...body.slice(at, at + BLOCK));
    blocks.push(t.toString());
  }
  return blocks.join('\n').split('\n').map((l) => l.trimEnd()).join('\n');
}

function section(s: Section, value: unknown, o: RenderOptions): string {
  const rows = s.rows(value);
  const body = rows.length ? grid(s.columns, rows, o) : o.theme.dim(s.empty ?? 'none');
  return `${o.theme.title(s.title)}\n${body}`;
}

function table(out: Exclude<Output, { kind: 'none' | 'value' | 'document' }>, o: RenderOptions, done?: string): Rendered {
  if (out.kind === 'list') {
    if (out.data.length === 0) return { stdout: '', stderr: out.empty ?? 'nothing to show' };
    return { stdout: line(grid(out.columns, out.data, o)), stderr: done };
  }
  if (out.kind === 'tree') {
    return { stdout: treeText(out.root, out.nodes, o.theme), stderr: out.nodes.length ? undefined : out.empty };
  }
  const shown = out.fields.filter((f) => displayCell(f, out.data, o.locale) !== '');
  const width = Math.max(...shown.map((f) => f.header.length));
  const head = shown.map((f) => `${o.theme.header(f.header.padEnd(width))}  ${displayCell(f, out.data, o.locale)}`);
  const parts = [head.join('\n'), ...sectionsFor(out, 'people').map((s) => section(s, out.data, o))];
  return { stdout: line(parts.join('\n\n')), stderr: done };
}

