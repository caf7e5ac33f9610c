import { quietWithoutIds } from '../errors.js';
import type { OutputFormat } from './format.js';
import type { WholeOutput as Output } from './view.js';

const line = (s: string) => (s === '' ? '' : `${s}\n`);

/**
 * The outputs scripts read: JSON, NDJSON, ids (-q) and bare values. Kept free of the table renderer, chalk and
 * date formatting so that `--json` pays only for JSON.stringify. Returns undefined for the human formats.
 * JSON is indented for a person at a terminal and compact in a pipe, as `gh --json` does.
 */
export function renderForMachines(
  out: Output, format: OutputFormat | 'plain', quiet: boolean, pretty: boolean,
): string | undefined {
  if (quiet) {
    const ids = out.kind === 'list' ? out.data.map((r) => (r as { id?: unknown }).id) : out.kind === 'record' ? [out.data.id] : [undefined];
    if (ids.includes(undefined)) throw quietWithoutIds();
    return line(ids.join('\n'));
  }
  if (out.kind === 'none') return '';
  if (out.kind === 'document') return out.text;
  if (out.kind === 'value') {
    return format === 'json' || format === 'ndjson' ? `${JSON.stringify(out.data)}\n` : line(out.text);
  }
  if (format === 'json') return `${JSON.stringify(out.data, null, pretty ? 2 : undefined)}\n`;
  if (format === 'ndjson') return line((out.kind === 'list' ? out.data : [out.data]).map((r) => JSON.stringify(r)).join('\n'));
  return undefined;
}
