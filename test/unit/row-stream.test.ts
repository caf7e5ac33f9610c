import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { emit } from '../../src/output/emit.js';
import { render } from '../../src/output/render.js';
import { type RowFormat, rowText, writeJoined, writeRows } from '../../src/output/row-stream.js';
import { theme } from '../../src/output/theme.js';
import { type Column, list, rows } from '../../src/output/view.js';

const columns: Column[] = [
  { header: 'ID', key: 'id', value: (r) => r.id },
  { header: 'Name', key: 'name', value: (r) => r.name },
  { header: 'Wallet', key: 'wallet', value: (r) => r.wallet, type: 'money', currency: (r) => r.currency },
  { header: 'Tags', key: 'tags', value: (r) => r.tags, type: 'list' },
  { header: 'Notes', key: 'notes', value: (r) => r.notes },
];

// Cells that the formats quote, clean or neutralise: commas, quotes, line breaks, tabs, formulas, CJK, nulls.
const sample = Array.from({ length: 23 }, (_, i) => ({
  id: i + 1,
  name: ['Li, Na', 'Bo "B"', '=1+2', '李娜', 'Ann\tBee', 'Zoë'][i % 6],
  wallet: i % 3 ? null : 1234.5 * i,
  currency: i % 3 ? null : 'EUR',
  tags: i % 4 ? [] : ['vip', 'a;b'],
  notes: i % 5 ? null : 'two\nlines',
}));

/** A stream that takes 64 bytes before it is full, so writing waits for 'drain' again and again. */
class Slow extends Writable {
  text = '';
  constructor() {
    super({ highWaterMark: 64, decodeStrings: false });
  }
  override _write(chunk: string | Buffer, _enc: BufferEncoding, done: () => void) {
    this.text += chunk.toString();
    setImmediate(done);
  }
}

async function* batchesOf(all: unknown[], size: number) {
  for (let i = 0; i < all.length; i += size) yield all.slice(i, i + size);
}

const whole = (data: unknown[], format: RowFormat, pretty: boolean) =>
  render(list(data, columns), { format: format === 'ids' ? 'json' : format, quiet: format === 'ids', pretty, locale: 'en-US', theme: theme(0) }).stdout;

describe('rows written as they come', () => {
  const formats: RowFormat[] = ['json', 'ndjson', 'csv', 'tsv', 'plain', 'ids'];

  it('are byte for byte what the whole-list renderers write, in every form, for any batching and length', async () => {
    for (const format of formats) {
      for (const pretty of [false, true]) {
        for (const length of [0, 1, 2, 23]) {
          for (const size of [1, 5, 50]) {
            const out = new Slow();
            const data = sample.slice(0, length);
            const count = await writeRows(out, batchesOf(data, size), rowText(format, columns, pretty));
            expect(out.text, `${format} pretty=${pretty} rows=${length} batch=${size}`).toBe(whole(data, format, pretty));
            expect(count).toBe(length);
          }
        }
      }
    }
  });

  it('given as JSON text joined by the source, as text or UTF-8 bytes, are what the renderers write in compact JSON and NDJSON', async () => {
    for (const format of ['json', 'ndjson'] as const) {
      for (const length of [0, 1, 2, 23]) {
        for (const [size, bytes] of [[1, false], [5, true], [50, true]] as const) {
          const data = sample.slice(0, length);
          const asked: string[] = [];
          // Joined by the separator writeJoined asks for, with an empty batch (all of it deleted meanwhile) between each two.
          const texts = async function* (separator: string) {
            asked.push(separator);
            for await (const batch of batchesOf(data, size)) {
              yield { count: 0, text: bytes ? new Uint8Array() : '' };
              const text = batch.map((r) => JSON.stringify(r)).join(separator);
              yield { count: batch.length, text: bytes ? Buffer.from(text) : text };
            }
          };
          const out = new Slow();
          expect(await writeJoined(out, texts, format)).toBe(length);
          expect(out.text, `${format} rows=${length} batch=${size}`).toBe(whole(data, format, false));
          expect(asked).toEqual([format === 'json' ? ',' : '\n']);
        }
      }
    }
  });

  it('write nothing when the first read fails, and throw when a later one does', async () => {
    async function* failing(after: number) {
      for (let i = 0; i < after; i++) yield sample.slice(i, i + 1);
      throw new Error('database went away');
    }
    const early = new Slow();
    await expect(writeRows(early, failing(0), rowText('json', columns, false))).rejects.toThrow('database went away');
    expect(early.text).toBe('');
    const joined = new Slow();
    await expect(writeJoined(joined, () => (async function* () {
      yield* [];
      throw new Error('database went away');
    })(), 'json')).rejects.toThrow('database went away');
    expect(joined.text).toBe('');
    // Later, the part already written stays written; the error (and so the exit code) says it is incomplete.
    const late = new Slow();
    const big = rowText('json', [], false);
    await expect(writeRows(late, (async function* () {
      yield Array.from({ length: 2000 }, (_, i) => ({ id: i, filler: 'x'.repeat(100) }));
      throw new Error('database went away');
    })(), big)).rejects.toThrow('database went away');
    expect(late.text.startsWith('[{"id":0,')).toBe(true);
    expect(late.text.endsWith(']\n')).toBe(false);
  });

  it('stop with the stream when it fails (a closed pipe) instead of reading on', async () => {
    let read = 0;
    const broken = new Writable({ highWaterMark: 16, write: (_c, _e, done) => done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })) });
    broken.on('error', () => {});
    const endless = (async function* () {
      for (;;) {
        read += 1;
        yield Array.from({ length: 100 }, (_, i) => ({ id: i, filler: 'x'.repeat(1000) }));
      }
    })();
    await expect(writeRows(broken, endless, rowText('ndjson', [], false))).rejects.toThrow('EPIPE');
    expect(read).toBeLessThan(5);
  });

  it('a table gathers the rows and renders them whole, saying so when there are none', async () => {
    const streams = (tty: boolean) => ({ stdin: process.stdin, stdout: Object.assign(new Slow(), { isTTY: tty }), stderr: Object.assign(new Slow(), { isTTY: tty }) });
    const ctx = (s: ReturnType<typeof streams>, format?: 'table' | 'markdown') =>
      ({ streams: s, global: { format }, locale: 'en-US', colorLevel: 0 as const, stderrColorLevel: 0 as const });
    for (const format of ['table', 'markdown'] as const) {
      const [a, b] = [streams(true), streams(true)];
      await emit(rows(batchesOf(sample, 4), columns, 'nothing here'), ctx(a, format));
      await emit(list(sample, columns, 'nothing here'), ctx(b, format));
      expect(a.stdout.text).toBe(b.stdout.text);
      expect(a.stdout.text).toContain('李娜');
    }
    const empty = streams(true);
    await emit(rows(batchesOf([], 4), columns, 'nothing here'), ctx(empty));
    expect([empty.stdout.text, empty.stderr.text]).toEqual(['', 'nothing here\n']);
  });
});
