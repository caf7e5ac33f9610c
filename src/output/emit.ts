import type { Streams } from '../io/terminal.js';
import { chooseFormat, type OutputFormat } from './format.js';
import { renderForMachines } from './machine.js';
import { themeFor } from './plain-theme.js';
import { gathered, type LazyRows, list, type Output, type WholeOutput } from './view.js';

/** What emitting needs of a run: its streams, the output flags, the locale and the colour levels. */
export interface EmitContext {
  streams: Streams;
  global: { json?: boolean; format?: OutputFormat; quiet?: boolean };
  locale: string;
  colorLevel: 0 | 1 | 2 | 3;
  stderrColorLevel: 0 | 1 | 2 | 3;
}

/** Data to stdout, status to stderr. The table renderer (cli-table3, string widths) loads only for tables and Markdown. */
export async function emit(given: Output, ctx: EmitContext): Promise<void> {
  const format = chooseFormat(ctx.global, Boolean(ctx.streams.stdout.isTTY));
  const quiet = Boolean(ctx.global.quiet);
  const pretty = Boolean(ctx.streams.stdout.isTTY);
  let output: WholeOutput;
  if (given.kind === 'rows') {
    const form = quiet ? 'ids' : format;
    if (form !== 'table' && form !== 'markdown') {
      const { rowText, writeJoined, writeRows } = await import('./row-stream.js');
      // Rows the source wrote as JSON go out as they are where the form is that text.
      if (given.texts !== undefined && (form === 'ndjson' || (form === 'json' && !pretty))) await writeJoined(ctx.streams.stdout, given.texts, form);
      else await writeRows(ctx.streams.stdout, given.batches, rowText(form, given.columns, pretty));
      return;
    }
    const data: unknown[] = [];
    for await (const batch of given.batches) for (const row of batch) data.push(row);
    output = list(data, given.columns, given.empty);
  } else if (given.kind === 'record' && given.lazy !== undefined && !quiet && (format === 'json' || format === 'ndjson')) {
    // NDJSON writes a record as compact JSON on one line.
    const { jsonAround, writeRows } = await import('./row-stream.js');
    for (const w of given.warnings ?? []) ctx.streams.stderr.write(`warning: ${w}\n`);
    const lazy = given.data[given.lazy] as LazyRows;
    await writeRows(ctx.streams.stdout, batched(lazy.rows()), jsonAround(given.data, given.lazy, format === 'json' && pretty));
    return;
  } else output = gathered(given);
  const fast = renderForMachines(output, format, quiet, pretty);
  // Warnings always reach stderr: a report that left something out must say so, in a pipe too.
  for (const w of output.kind === 'record' || output.kind === 'list' ? output.warnings ?? [] : []) ctx.streams.stderr.write(`warning: ${w}\n`);
  // Status lines are for a person watching; scripts get a quiet stderr that carries only errors.
  const wantStatus = ctx.streams.stderr.isTTY && !quiet && format !== 'json' && format !== 'ndjson';
  if (fast !== undefined && !(wantStatus && 'done' in output && output.done)) {
    if (fast) ctx.streams.stdout.write(fast);
    return;
  }
  const o = { format, quiet, pretty, locale: ctx.locale, theme: await themeFor(ctx.colorLevel) };
  // A pipe's text, CSV and TSV need none of the drawing: only tables and Markdown load it.
  const { stdout, stderr } = format === 'table' || format === 'markdown'
    ? (await import('./render.js')).render(output, o) : (await import('./delimited.js')).renderPlain(output, o)!;
  if (stdout) ctx.streams.stdout.write(stdout);
  if (stderr && wantStatus) ctx.streams.stderr.write(`${(await themeFor(ctx.stderrColorLevel)).dim(stderr)}\n`);
}

/** Rows in arrays of a thousand, for writeRows. */
async function* batched(rows: Iterable<unknown>): AsyncIterable<unknown[]> {
  let batch: unknown[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === 1000) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}
