import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { FieldProblem, problemOf, type RowSchema } from '../../src/domain/row-schema.js';
import { CrmError, invalid } from '../../src/errors.js';
import { csvRecords, type ImportRun, type ImportTarget, runImport } from '../../src/io/import/runner.js';

/** A made-up import kind: people with a name (required), an email and an age. */
type Field = 'name' | 'email' | 'age';
interface Person { name: string; email: string | null; age: number | null }

const people: RowSchema<Field, Person> = {
  fields: ['name', 'email', 'age'],
  required: ['name'],
  mapExamples: ['name=Full Name'],
  parse(cell) {
    const problems: FieldProblem<Field>[] = [];
    if (!cell('name')) problems.push(new FieldProblem('name', 'is empty'));
    let age: number | null = null;
    try {
      if (cell('age')) {
        if (!/^\d+$/.test(cell('age'))) throw invalid('age', `"${cell('age')}" is not a number`);
        age = Number(cell('age'));
      }
    } catch (e) {
      problems.push(problemOf('age', e));
    }
    return problems.length ? { problems } : { row: { name: cell('name'), email: cell('email') || null, age } };
  },
};

interface Written { rows: number; written: number }

/** Knows "Taken" already; records what it was asked to do. */
function recorder() {
  const log = { matched: [] as string[], previewed: [] as string[], written: [] as string[], sessions: 0, finished: 0 };
  const target: ImportTarget<Person, 'new', Written> = {
    match: (p) => (p.name === 'Taken' ? new FieldProblem('name', `"${p.name}" is taken`) : (log.matched.push(p.name), 'new')),
    preview: (p) => void log.previewed.push(p.name),
    write: async (p) => void log.written.push(p.name),
    finish: async (rows) => (log.finished += 1, { rows, written: log.written.length }),
  };
  return { log, target };
}

const silent = Object.assign(new Writable({ write: (_c, _e, done) => done() }), { isTTY: false });

function importer(text: string, more: Partial<ImportRun<Field, Person, 'new', Written>> = {}) {
  const file = join(mkdtempSync(join(tmpdir(), 'crm-runner-')), 'people.csv');
  writeFileSync(file, text);
  const { log, target } = recorder();
  const run = () => runImport<Field, Person, 'new', Written>({
    file, stdin: Readable.from([]), schema: people, read: csvRecords(','), dryRun: false, progress: silent,
    session: (pass) => (log.sessions += 1, pass(target)), ...more,
  });
  return { file, log, run };
}

async function refusal(p: Promise<unknown>): Promise<CrmError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(CrmError);
  return e as CrmError;
}

describe('the import runner', () => {
  it('writes every row in one session and returns what the writer made of them', async () => {
    const { log, run } = importer('name,email,age\nAda,ada@x.example,36\nBo,,\n');
    expect(await run()).toEqual({ rows: 2, written: 2 });
    expect(log).toMatchObject({ written: ['Ada', 'Bo'], previewed: [], sessions: 1, finished: 1 });
  });

  it('lists every bad row by line, field and column, then fails once with exit 2, having stopped writing at the first', async () => {
    const { log, run } = importer('name,email,age\nAda,,36\n,,x\nTaken,,1\nCy,,2\n"Multi\nLine",,old\n');
    const e = await refusal(run());
    expect([e.code, e.exitCode, e.message]).toEqual(['validation', 2, '3 of 5 rows are invalid; nothing was imported']);
    // A row with two bad fields lists both; a record is named by the line it starts on, though a quoted line break
    // carries it on to the next.
    expect(e.details?.lines).toEqual([
      'line 3: name (name) is empty', 'line 3: age: "x" is not a number (age)',
      'line 4: name (name) "Taken" is taken',
      'line 6: age: "old" is not a number (age)',
    ]);
    expect(log.written).toEqual(['Ada']);
    expect(log.matched).toEqual(['Ada', 'Cy']); // rows after the first bad one are still checked
    expect(log.finished).toBe(0);
  });

  it('names the columns --map chose in its messages, and refuses a --map that names no field', async () => {
    const { run } = importer('Full Name,Years\nAda,many\n', { maps: ['name=Full Name', 'age=Years'] });
    expect((await refusal(run())).details?.lines).toEqual(['line 2: age: "many" is not a number (Years)']);
    const wrong = await refusal(importer('name\nAda\n', { maps: ['nam=Full Name'] }).run());
    expect([wrong.message, wrong.hint]).toEqual(['--map: "nam=Full Name" is not FIELD=COLUMN', 'fields: name, email, age; e.g. --map name=Full Name']);
  });

  it('refuses a file without a required column, or without a column --map named', async () => {
    expect((await refusal(importer('email\nada@x.example\n').run())).message).toBe('FILE: has no column "name" (columns: email)');
    expect((await refusal(importer('name\nAda\n', { maps: ['age=Years'] }).run())).message).toBe('FILE: has no column "Years" (columns: name)');
  });

  it('refuses a header that has a column it reads twice, but not repeated columns it does not read', async () => {
    const e = await refusal(importer('name,age,name\nAda,1,Bo\n').run());
    expect([e.message, e.hint]).toEqual(['FILE: has the column "name" more than once (columns: name, age, name)',
      'rename or remove the extra one, so that each field reads one column']);
    expect(await importer('name,,\nAda,,\n').run()).toEqual({ rows: 1, written: 1 });
  });

  it('in a dry run previews every row and writes none', async () => {
    const { log, run } = importer('name\nAda\nBo\n', { dryRun: true });
    expect(await run()).toEqual({ rows: 2, written: 0 });
    expect(log).toMatchObject({ previewed: ['Ada', 'Bo'], written: [], sessions: 1, finished: 1 });
  });

  it('takes an empty file for a mistake, not for nothing to import; a header alone imports nothing', async () => {
    const { file, run } = importer('');
    const e = await refusal(run());
    expect([e.exitCode, e.message]).toEqual([2, `FILE: ${file} is empty`]);
    expect(e.hint).toBe('the first line must name the columns: name');
    expect((await refusal(importer('\n\n').run())).message).toMatch(/is empty$/);
    const stdin = await refusal(importer('name\nAda\n', { file: '-', stdin: Readable.from([]) }).run());
    expect(stdin.message).toBe('FILE: standard input is empty');
    expect(await importer('name,email\n').run()).toEqual({ rows: 0, written: 0 });
  });

  it('reads standard input from a spooled copy, and refuses a file that is not there before any session', async () => {
    const { log, run } = importer('', { file: '-', stdin: Readable.from([Buffer.from('name\nAda\n')]) });
    expect(await run()).toEqual({ rows: 1, written: 1 });
    const missing = importer('', { file: '/nonexistent/people.csv' });
    expect((await refusal(missing.run())).message).toBe('FILE: /nonexistent/people.csv is not a readable file');
    expect([log.sessions, missing.log.sessions]).toEqual([1, 0]);
  });
});
