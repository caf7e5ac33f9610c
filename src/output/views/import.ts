import type { ImportSummary, Outcome } from '../../domain/imports/summary.js';
import { type Column, type Output, record, type Section } from '../view.js';

/** How many records of each list a person is shown; JSON, CSV and TSV get them all. */
const SHOWN = 10;

const outcomeColumns: Column<Outcome & { more?: number }>[] = [
  { header: 'Line', key: 'line', value: (o) => (o.more ? `... ${o.more} more` : o.line) },
  { header: 'ID', key: 'id', value: (o) => o.id },
  { header: 'Name', key: 'name', value: (o) => o.name },
  { header: 'Matched by', key: 'matchedBy', value: (o) => o.matchedBy },
];

const SECTIONS = [
  ['created', 'Created'], ['updated', 'Updated'], ['skipped', 'Skipped (already there)'], ['companiesCreated', 'Companies created'],
] as const;

function sections(s: ImportSummary): Section<ImportSummary>[] {
  return SECTIONS.flatMap(([key, title]) => {
    const rows = s[key];
    if (!rows.length) return [];
    // What a dry run would create has no id yet.
    const made = key === 'created' || key === 'companiesCreated';
    const columns = made ? outcomeColumns.slice(0, s.dryRun ? 1 : 2).concat(outcomeColumns[2]!) : outcomeColumns;
    const first = rows.length > SHOWN ? [...rows.slice(0, SHOWN), { line: 0, id: null, name: '', more: rows.length - SHOWN }] : rows;
    return [
      { title: `${title}${s.dryRun ? ', would be' : ''}`, key, rows: () => first, columns, audience: 'people' as const },
      { title, key, rows: () => rows, columns, audience: 'machines' as const },
    ];
  });
}

/** What `crm import KIND` says: the counts, then the first records of each list (all of them for machines). */
export function importSummaryView(s: ImportSummary): Output {
  const { kind } = s;
  const done = s.dryRun
    ? `dry run: ${s.counts.created} ${kind} would be created, ${s.counts.updated} updated, ${s.counts.skipped} skipped; nothing was written`
    : `imported ${kind} from ${s.file}: ${s.counts.created} created, ${s.counts.updated} updated, ${s.counts.skipped} skipped`;
  return record(s as unknown as Record<string, unknown>, [
    { header: 'File', key: 'file', value: (x: ImportSummary) => x.file },
    { header: 'Kind', key: 'kind', value: (x: ImportSummary) => x.kind },
    { header: 'Preset', key: 'preset', value: (x: ImportSummary) => x.preset },
    { header: 'Rows', key: 'rows', value: (x: ImportSummary) => x.rows, type: 'count' },
    { header: 'Created', key: 'created', value: (x: ImportSummary) => x.counts.created, type: 'count' },
    { header: 'Updated', key: 'updated', value: (x: ImportSummary) => x.counts.updated, type: 'count' },
    { header: 'Skipped', key: 'skipped', value: (x: ImportSummary) => x.counts.skipped, type: 'count' },
    { header: 'Companies created', key: 'companiesCreated', value: (x: ImportSummary) => x.counts.companiesCreated || null, type: 'count' },
    { header: 'Dry run', key: 'dryRun', value: (x: ImportSummary) => x.dryRun, type: 'bool' },
  ], { sections: sections(s), done });
}
