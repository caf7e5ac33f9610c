/**
 * Views describe how data is shown, never what it is: a command returns plain JSON-shaped data plus a view,
 * and the renderer turns that into a table, CSV, Markdown or JSON.
 */
import type { MoneyText } from './money.js';
import type { JoinedTexts } from './row-stream.js';

export type CellType = 'text' | 'id' | 'money' | 'count' | 'date' | 'datetime' | 'list' | 'bool' | 'percent' | 'bar' | 'times';

export interface Column<Row = any> {
  /** Header in tables and Markdown; CSV/TSV headers use `key`. */
  header: string;
  key: string;
  /** `money` writes an amount inside text (a summary, a detail) the way this output writes money cells. */
  value: (row: Row, money: MoneyText) => unknown;
  type?: CellType;
  /** For money cells: the row's currency. */
  currency?: (row: Row) => string | null;
  /** For bar cells: the value that fills the whole bar. */
  scale?: number;
}

export interface Section<Value = any> {
  title: string;
  /** Names the section in the `section` column of CSV/TSV: the JSON key its rows come from. The title if left out. */
  key?: string;
  rows: (value: Value) => unknown[];
  columns: Column[];
  /** Shown instead of an empty table. */
  empty?: string;
  /**
   * Who the section is for, when not everyone: `people` (table, Markdown) or `machines` (CSV, TSV, piped). A view
   * whose rows a person reads rearranged (the forecast's periods as columns, the agenda day by day) gives machines
   * the same rows as plain records in a section of their own.
   */
  audience?: 'people' | 'machines';
}

export interface TreeNode {
  label: string;
  detail?: string;
  children: TreeNode[];
}

export type Output =
  | { kind: 'list'; data: unknown[]; columns: Column[]; empty?: string; done?: string; warnings?: string[] }
  /**
   * A list read as it is written: the machine formats stream the batches to stdout (output/row-stream.ts), so a long
   * list never sits in memory; a table gathers them first, since it measures its columns.
   */
  | { kind: 'rows'; batches: AsyncIterable<readonly unknown[]>; columns: Column[]; empty?: string; texts?: JoinedTexts }
  /**
   * `lazy` names the one field of `data` that holds `LazyRows` (a report's customers): JSON and NDJSON write them row
   * by row between the record's other fields; every other format gathers them into an array first.
   */
  | { kind: 'record'; data: Record<string, unknown>; fields: Column[]; sections?: Section[]; done?: string; warnings?: string[]; lazy?: string }
  | { kind: 'tree'; data: unknown; root: string; nodes: TreeNode[]; empty?: string }
  | { kind: 'value'; data: unknown; text: string }
  /** A file's content (a vCard, an iCalendar file) for stdout as it is, whatever the format: the format is the file's. */
  | { kind: 'document'; text: string; done?: string }
  | { kind: 'none'; done?: string };

/** An output whole in memory: what the renderers take (a streamed list is gathered first for a table). */
export type WholeOutput = Exclude<Output, { kind: 'rows' }>;

/** A single value (a path, a setting): the bare text for people and pipes, `data` as JSON. */
export const value = (data: unknown, text: string): WholeOutput => ({ kind: 'value', data, text });

/** A file's content, written to stdout byte for byte; `done` tells a person at a terminal what it holds. */
export const document = (text: string, done?: string): WholeOutput => ({ kind: 'document', text, done });

export const list = (data: unknown[], columns: Column[], empty?: string, extra: { done?: string; warnings?: string[] } = {}): WholeOutput =>
  ({ kind: 'list', data, columns, empty, ...extra });

/**
 * `texts`, if given, are the same rows already written as JSON (each JSON.stringify(row)) and joined, which compact
 * JSON and NDJSON write as they are; only one of the two is read.
 */
export const rows = (batches: AsyncIterable<readonly unknown[]>, columns: Column[], empty?: string, texts?: JoinedTexts): Output =>
  ({ kind: 'rows', batches, columns, empty, texts });

export const record = (data: Record<string, unknown>, fields: Column[], extra: { sections?: Section[]; done?: string; warnings?: string[]; lazy?: string } = {}): WholeOutput =>
  ({ kind: 'record', data, fields, ...extra });

/**
 * A long list inside a record, made one row at a time as it is written: 100,000 customers never exist as objects
 * at once, nor as one string. `count` is how many `rows()` gives.
 */
export interface LazyRows<Row = unknown> {
  readonly count: number;
  rows(): Iterable<Row>;
}

export const lazyRows = <Row>(count: number, rows: () => Iterable<Row>): LazyRows<Row> => ({ count, rows });

/** A report's result with its `customers` made lazily. */
export type Listed<R extends { customers: readonly unknown[] }> = Omit<R, 'customers'> & { customers: LazyRows<R['customers'][number]> };

/** The output with its lazy field gathered into an array: what every format but JSON and NDJSON renders. */
export function gathered(out: WholeOutput): WholeOutput {
  if (out.kind !== 'record' || out.lazy === undefined) return out;
  const lazy = out.data[out.lazy] as LazyRows;
  return { ...out, data: { ...out.data, [out.lazy]: Array.from(lazy.rows()) }, lazy: undefined };
}
