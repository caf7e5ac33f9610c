import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CrmError } from '../../src/errors.js';
import { writeAtomically } from '../../src/io/atomic.js';

const folder = () => mkdtempSync(join(tmpdir(), 'crm-atomic-'));

describe('writeAtomically: a file a calendar subscribes to is never seen half-written', () => {
  it('writes a new file with mode 0600 and leaves no temporary file behind', async () => {
    const dir = folder();
    const bytes = await writeAtomically(join(dir, 'crm.ics'), 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', '--output');
    expect(bytes).toBe(32);
    expect(readFileSync(join(dir, 'crm.ics'), 'utf8')).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    expect(statSync(join(dir, 'crm.ics')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['crm.ics']);
  });

  it('replaces an existing file by renaming over it: a reader that opened the old one reads all of the old one', async () => {
    const dir = folder();
    const path = join(dir, 'crm.ics');
    writeFileSync(path, 'old '.repeat(10_000), { mode: 0o644 });
    const fd = openSync(path, 'r');
    await writeAtomically(path, 'new', '--output');
    const buffer = Buffer.alloc(50_000);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    closeSync(fd);
    expect(buffer.subarray(0, n).toString()).toBe('old '.repeat(10_000));
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['crm.ics']);
  });

  it('refuses a folder that does not exist and a path that is a folder (exit 2), writing nothing', async () => {
    const dir = folder();
    const missing = await writeAtomically(join(dir, 'nope', 'crm.ics'), 'x', '--output').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(CrmError);
    expect([(missing as CrmError).exitCode, (missing as CrmError).message]).toEqual([2, `--output: the folder ${join(dir, 'nope')} does not exist`]);
    mkdirSync(join(dir, 'sub'));
    const isDir = await writeAtomically(join(dir, 'sub'), 'x', '--output').catch((e: unknown) => e);
    expect((isDir as CrmError).message).toBe(`--output: ${join(dir, 'sub')} is a folder`);
    expect(readdirSync(dir)).toEqual(['sub']);
    expect(existsSync(join(dir, 'sub', 'x'))).toBe(false);
  });
});
