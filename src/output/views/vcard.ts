import { type Output, record } from '../view.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const exportedCards = (n: number, version: string, file: string | null) =>
  `exported ${plural(n, 'contact', 'contacts')} as vCard ${version}${file ? ` to ${file}` : ''}`;

export const vcardExportView = (r: { file: string; version: string; contacts: number; bytes: number }, done: string): Output => record(r, [
  { header: 'File', key: 'file', value: (x) => x.file },
  { header: 'Version', key: 'version', value: (x) => x.version },
  { header: 'Contacts', key: 'contacts', value: (x) => x.contacts, type: 'count' },
  { header: 'Size (bytes)', key: 'bytes', value: (x) => x.bytes, type: 'count' },
], { done });

export interface CardImportSummary {
  file: string;
  cards: number;
  added: number;
  updated: number;
  unchanged: number;
  companiesAdded: number;
  companiesUpdated: number;
  /** Cards of groups and locations: not people, not companies. */
  skipped: number;
  managersLinked: number;
  managersNotFound: { line: number; contact: string; manager: string; why: string }[];
  dryRun: boolean;
}

export const cardImportDone = (s: CardImportSummary) => {
  const parts = [plural(s.added, 'new contact', 'new contacts'), `${s.updated} updated`, `${s.unchanged} unchanged`,
    ...(s.companiesAdded ? [plural(s.companiesAdded, 'new company', 'new companies')] : []),
    ...(s.managersLinked ? [plural(s.managersLinked, 'manager linked', 'managers linked')] : [])];
  return s.dryRun ? `dry run: ${plural(s.cards, 'card', 'cards')} checked; would write ${parts.join(', ')}` : `imported ${plural(s.cards, 'card', 'cards')}: ${parts.join(', ')}`;
};

export const managersNotFoundWarning = (missing: CardImportSummary['managersNotFound']): string[] => (missing.length === 0 ? [] : [
  `${plural(missing.length, 'manager was', 'managers were')} not linked: ${missing.map((m) => `${m.manager} (for ${m.contact}, line ${m.line}: ${m.why})`).join('; ')}; ` +
  'link them with crm contact edit NAME --reports-to MANAGER',
]);

export const cardImportView = (s: CardImportSummary, done: string, warnings: string[]): Output => record({ ...s }, [
  { header: 'File', key: 'file', value: (x) => x.file },
  { header: 'Cards', key: 'cards', value: (x) => x.cards, type: 'count' },
  { header: 'New contacts', key: 'added', value: (x) => x.added, type: 'count' },
  { header: 'Updated', key: 'updated', value: (x) => x.updated, type: 'count' },
  { header: 'Unchanged', key: 'unchanged', value: (x) => x.unchanged, type: 'count' },
  { header: 'New companies', key: 'companiesAdded', value: (x) => x.companiesAdded, type: 'count' },
  { header: 'Updated companies', key: 'companiesUpdated', value: (x) => x.companiesUpdated, type: 'count' },
  { header: 'Skipped (groups)', key: 'skipped', value: (x) => x.skipped, type: 'count' },
  { header: 'Managers linked', key: 'managersLinked', value: (x) => x.managersLinked, type: 'count' },
  { header: 'Dry run', key: 'dryRun', value: (x) => x.dryRun, type: 'bool' },
], {
  done, warnings,
  sections: [{
    title: 'Managers not linked', key: 'managersNotFound', rows: (x) => x.managersNotFound, empty: 'none',
    columns: [
      { header: 'Line', key: 'line', value: (m) => m.line },
      { header: 'Contact', key: 'contact', value: (m) => m.contact },
      { header: 'Manager', key: 'manager', value: (m) => m.manager },
      { header: 'Why', key: 'why', value: (m) => m.why },
    ],
  }],
});
