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
