import { describe, expect, it } from 'vitest';
import { CONTACT_FIELDS } from '../../src/domain/imports/contact-rows.js';
import { ACTIVITY_FIELDS, COMPANY_FIELDS, DEAL_FIELDS, FOLLOWUP_FIELDS, ORDER_FIELDS } from '../../src/domain/imports/rows.js';
import { EXPORT_ONLY, IMPORT_KINDS } from '../../src/domain/imports/summary.js';
import { EXPORT_COLUMNS } from '../../src/output/views/export.js';

const READ = { companies: COMPANY_FIELDS, contacts: CONTACT_FIELDS, deals: DEAL_FIELDS, activities: ACTIVITY_FIELDS, followups: FOLLOWUP_FIELDS, orders: ORDER_FIELDS };

describe('the columns an export writes are the ones the import reads', () => {
  it.each(IMPORT_KINDS)('%s: every field the import reads is written, and every other column written is named as export-only', (kind) => {
    const written = EXPORT_COLUMNS[kind].map((c) => c.key);
    expect(new Set(written).size).toBe(written.length);
    expect(written.slice(0, 2)).toEqual(['id', 'uuid']);
    expect(written.filter((k) => !(READ[kind] as readonly string[]).includes(k))).toEqual(EXPORT_ONLY[kind]);
    expect([...READ[kind]].filter((k) => !written.includes(k))).toEqual([]);
  });
});

describe('crm help import and crm help export', () => {
  it('list every column of every kind, and what an export writes but an import does not read', async () => {
    const { TOPICS } = await import('../../src/cli/topics.js');
    const text = TOPICS.import!.text;
    // "  kind   columns", continued on lines indented further.
    const columns = new Map<string, string[]>();
    let kind = '';
    for (const line of text.split('\n')) {
      const start = /^ {2}([a-z]+) +(.*)$/.exec(line);
      if (start && (IMPORT_KINDS as readonly string[]).includes(start[1]!)) columns.set(kind = start[1]!, start[2]!.split(/\s+/));
      else if (kind && /^ {14}\S/.test(line)) columns.get(kind)!.push(...line.trim().split(/\s+/));
      else kind = '';
    }
    for (const k of IMPORT_KINDS) expect(columns.get(k)?.map((c) => c.replace('*', '')), k).toEqual([...READ[k]]);
    for (const column of new Set(Object.values(EXPORT_ONLY).flat())) expect(TOPICS.export!.text, column).toContain(column);
  });
});
