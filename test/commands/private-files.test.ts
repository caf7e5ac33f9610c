import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { spool } from '../../src/io/csv.js';
import { sandbox } from '../support/inprocess.js';

// Issue 17, "Files are private": the database, its WAL and shared-memory files, backups, exports written with
// --output and temporary spool files are mode 0600, in a 0700 folder when crm makes the folder.

const mode = (path: string) => statSync(path).mode & 0o777;

/** Runs `fn` with the temporary folder (os.tmpdir()) pointed at a fresh one of its own, and returns that folder. */
async function inOwnTmp(fn: () => Promise<void>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-tmp-'));
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    await fn();
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
  return dir;
}

describe('files crm writes are private', () => {
  it('the database 0600 in a 0700 folder, its -wal and -shm 0600 while in use, whatever the umask allows', async () => {
    const { run, dbPath, home } = sandbox();
    const old = process.umask(0o000);
    try {
      expect((await run(['contact', 'add', 'Ann'])).exitCode).toBe(0);
    } finally {
      process.umask(old);
    }
    expect(mode(dbPath)).toBe(0o600);
    expect(mode(join(home, 'data', 'crm'))).toBe(0o700);
    expect(mode(join(home, 'data'))).toBe(0o700);
    // Another crm (here a connection of the test's) keeps the database in use: its WAL files exist meanwhile.
    const other = new Database(dbPath);
    try {
      other.prepare('select count(*) from contact').get();
      expect((await run(['contact', 'add', 'Bob'])).exitCode).toBe(0);
      for (const f of [`${dbPath}-wal`, `${dbPath}-shm`]) {
        expect(existsSync(f), f).toBe(true);
        expect(mode(f), f).toBe(0o600);
      }
    } finally {
      other.close();
    }
  });

  it('exports written with --output are 0600', async () => {
    const { run, home } = sandbox();
    await run(['contact', 'add', 'Ann', '--email', 'ann@example.com']);
    await run(['followup', 'add', 'Call Ann', '--due', 'tomorrow']);
    const old = process.umask(0o000);
    try {
      for (const [args, file] of [[['export', 'vcard'], 'c.vcf'], [['export', 'ics'], 'c.ics'], [['export', 'backup'], 'b.json']] as const) {
        const r = await run([...args, '--output', join(home, file)]);
        expect(r.exitCode, `${args.join(' ')}: ${r.stderr}`).toBe(0);
        expect(mode(join(home, file)), file).toBe(0o600);
      }
    } finally {
      process.umask(old);
    }
  });

  it('a spool file of standard input is 0600 in a 0700 folder, and removed after the import, failed or not', async () => {
    const { run } = sandbox();
    let seen: string[] = [];
    const tmp = await inOwnTmp(async () => {
      const path = await spool(Readable.from([Buffer.from('a,b\n')]));
      seen = [String(mode(path)), String(mode(join(path, '..')))];
      await run(['order', 'import', '-', '--create-customers', 'company'], { input: 'customer,date,amount\nAcme,2026-01-02,10\n' });
      const bad = await run(['order', 'import', '-'], { input: 'customer,date,amount\nNobody,2026-01-02,x\n' });
      expect(bad.exitCode).toBe(2);
      const broken = await run(['order', 'import', '-'], { input: 'customer,date,amount\n"Acme,2026-01-02,10\n' });
      expect(broken.exitCode).toBe(2);
    });
    expect(seen).toEqual([String(0o600), String(0o700)]);
    // Only the spool this test made itself (and left) remains: the three imports removed theirs.
    expect(readdirSync(tmp)).toHaveLength(1);
  });

  it('a pipe that breaks while it is spooled leaves nothing behind', async () => {
    const tmp = await inOwnTmp(async () => {
      const failing = new Readable({
        read() {
          this.push(Buffer.from('customer,date,amount\n'));
          this.destroy(new Error('pipe broke'));
        },
      });
      await expect(spool(failing)).rejects.toThrow('pipe broke');
    });
    expect(readdirSync(tmp)).toEqual([]);
  });
});
