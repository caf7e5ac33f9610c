import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWhen } from '../../src/domain/dates.js';
import { parseMoney } from '../../src/domain/money.js';
import { importDate } from '../../src/domain/order-import.js';
import { CrmError } from '../../src/errors.js';
import { readCsv } from '../../src/io/csv.js';
import { readCards } from '../../src/domain/vcard/card.js';

// Issue 17, "Bad input": the parsers of money, dates, CSV and vCard, given anything. Each reads a value or refuses
// it with a CrmError (a one-line message naming the field, exit 2); none throws anything else or returns nonsense.

const NOW = new Date('2026-03-11T10:30:00Z');

/** The value, or the CrmError it was refused with; anything else thrown fails the property. */
function outcome<T>(f: () => T): T | CrmError {
  try {
    return f();
  } catch (e) {
    if (e instanceof CrmError) return e;
    throw e;
  }
}

/** A refusal is one line, names the field, and shows no control character raw. */
const oneLine = (e: CrmError, field: string) => {
  expect(e.message.startsWith(`${field}: `)).toBe(true);
  expect(e.message).not.toMatch(/[\u0000-\u001f\u007f]/);
  expect(e.exitCode).toBe(2);
};

describe('parseMoney', () => {
  it('reads back every amount it could be given in minor units, with or without grouping', () => {
    fc.assert(fc.property(fc.integer({ min: -(2 ** 52), max: 2 ** 52 }), fc.boolean(), (minor, grouped) => {
      const major = (Math.abs(minor) / 100).toFixed(2);
      const text = `${minor < 0 ? '-' : ''}${grouped ? Number(major.split('.')[0]).toLocaleString('en') + '.' + major.split('.')[1] : major}`;
      expect(parseMoney(text, '--amount', 'USD', { allowNegative: true })).toEqual({ minor: minor === 0 ? 0 : minor, currency: 'USD' });
    }));
  });

  it('anything else is a safe integer or a one-line refusal naming the field, never NaN or Infinity', () => {
    const texts = fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(...'0123456789,.-+eE NaInfity'.split('')) }),
      fc.constantFrom('NaN', 'Infinity', '1e309', '-0', '12345678901234567890', '9007199254740993', '0x10', '1_000', '١٢٣'));
    fc.assert(fc.property(texts, fc.boolean(), (text, negative) => {
      const r = outcome(() => parseMoney(text, '--amount', 'EUR', { allowNegative: negative }));
      if (r instanceof CrmError) return oneLine(r, '--amount');
      expect(Number.isSafeInteger(r.minor)).toBe(true);
      if (!negative) expect(r.minor).toBeGreaterThanOrEqual(0);
      expect(Object.is(r.minor, -0)).toBe(false);
    }));
  });
});

describe('dates', () => {
  it('every calendar date in ISO form reads as itself; an impossible one is refused', () => {
    fc.assert(fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
      const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
      expect(importDate(text)).toBe(real ? text : null);
      const r = outcome(() => parseWhen(text, NOW, '--due'));
      if (real) expect(r).toMatchObject({ hasTime: false });
      else oneLine(r as CrmError, '--due');
    }));
  });

  it('any text is a valid date or a one-line refusal naming the field', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(...'0123456789-:T +wdmy/'.split('')) })), (text) => {
      const r = outcome(() => parseWhen(text, NOW, '--close'));
      if (r instanceof CrmError) return oneLine(r, '--close');
      expect(Number.isNaN(r.at.getTime())).toBe(false);
      const d = importDate(text);
      if (d !== null) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }));
  });
});

describe('CSV', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-csv-prop-'));
  const quote = (s: string) => (/[",\n\r]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s);
  const read = async (bytes: string | Buffer) => {
    const file = join(dir, 'f.csv');
    writeFileSync(file, bytes);
    const rows: Record<string, string>[] = [];
    for await (const r of readCsv(file, { delimiter: ',' }, () => {})) rows.push(r.record);
    return rows;
  };

  it('reads back every table written with RFC 4180 quoting (cells trimmed, as the importer reads them)', async () => {
    const cell = fc.string({ unit: fc.oneof(fc.constantFrom('"', ',', '\n', ' ', 'é', '€', '漢'), fc.string({ minLength: 1, maxLength: 1 })), maxLength: 12 });
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 6 }), async (rows) => {
      const text = ['a,b', ...rows.map(([a, b]) => `${quote(a)},${quote(b)}`)].join('\n') + '\n';
      const got = await read(text);
      expect(got.map((r) => ({ a: r.a!.trim(), b: r.b!.trim() }))).toEqual(rows.map(([a, b]) => ({ a: a.trim(), b: b.trim() })));
    }), { numRuns: 60 });
  });

  it('any bytes are records or a one-line refusal (exit 2), never an unexpected failure', async () => {
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 60 }).map((b) => Buffer.concat([Buffer.from('a,b\n'), Buffer.from(b)])),
      fc.string({ unit: fc.constantFrom('"', ',', '\n', '\r', 'x', '\u00fc') }).map((s) => Buffer.from(`a,b\n${s}`)));
    await fc.assert(fc.asyncProperty(bytes, async (b) => {
      const r = await read(b).catch((e: unknown) => e);
      if (Array.isArray(r)) return;
      expect(r).toBeInstanceOf(CrmError);
      oneLine(r as CrmError, 'FILE');
    }), { numRuns: 80 });
  });
});

describe('vCard', () => {
  it('any bytes read as cards without throwing', () => {
    const lines = fc.array(fc.oneof(fc.constantFrom('BEGIN:VCARD', 'END:VCARD', 'VERSION:3.0', 'VERSION:2.1', 'FN:Ann', 'N:;;;;', 'EMAIL:x',
      'TEL;CELL:+1', 'NOTE;ENCODING=QUOTED-PRINTABLE:a=', ' folded', 'PHOTO;ENCODING=b:AAAA', ':', ';;;'), fc.string()), { maxLength: 12 });
    fc.assert(fc.property(lines, fc.uint8Array({ maxLength: 20 }), (ls, tail) => {
      const cards = readCards(Buffer.concat([Buffer.from(ls.join('\r\n')), Buffer.from(tail)]));
      expect(Array.isArray(cards)).toBe(true);
    }));
  });
});
