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
