export const OUTPUT_FORMATS = ['table', 'json', 'ndjson', 'csv', 'tsv', 'markdown'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** --json wins, then --format; a terminal gets a table, a pipe plain TSV (no colour, no decoration). */
export function chooseFormat(opts: { json?: boolean; format?: OutputFormat }, isTTY: boolean): OutputFormat | 'plain' {
  if (opts.json) return 'json';
  if (opts.format) return opts.format;
  return isTTY ? 'table' : 'plain';
}
