import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

/**
 * The README's examples are tests, so the README cannot drift from what crm does.
 *
 * Every ```console block of README.md is a transcript: `$ ` lines are commands, the lines after one are what the
 * terminal shows. Each block runs in order in its own fresh sandbox (an empty home with no XDG_* variables, so the
 * default paths under ~ are the ones a reader gets), with the variables the README says its output was captured
 * with, from the repository root (relative paths resolve as they do for a reader of a clone).
 *
 * What is compared is the screen, as a person at a terminal sees it:
 * - commands run with stdout and stderr on a terminal (tables, colour, status lines), and what they print is
 *   compared in the order it was written, stdout and stderr interleaved: status lines (`added contact #3`),
 *   warnings, progress and errors are shown in the README exactly where the terminal shows them;
 * - colour codes are dropped, a carriage return lets later text overwrite the line (a progress counter leaves its
 *   last count), trailing spaces are ignored;
 * - the sandbox home is written /home/alice;
 * - a record's UUID is random, so any UUID matches any UUID (the README shows a real one).
 * A command that fails must be followed by `$ echo $?` (its exit code), so the README never shows a failure as if
 * it worked. A last output line `...` means "goes on": the lines above it must be the beginning of the output, and
 * there must be more. Command lines are read as a POSIX shell reads words (quotes, backslashes, a leading `~`);
 * anything else a shell would interpret (pipes, redirections, variables, globs) is refused rather than guessed.
 *
 * When output changes on purpose, `README_UPDATE=1 npx vitest run test/commands/readme.test.ts` rewrites every
 * block's output from real runs (keeping each `...` cut at the same length); read the diff before committing it.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = join(ROOT, 'README.md');
const HOME_SHOWN = '/home/alice';
const UPDATE = process.env.README_UPDATE === '1';

interface Step {
  /** 1-based line of the `$ ` line in README.md. */
  line: number;
  command: string;
  expected: string[];
  /** The output ended with `...`: only its beginning is shown. */
  cut: boolean;
}

interface Block {
  /** 0-based index of the opening fence line. */
  open: number;
  /** 0-based index of the closing fence line. */
  close: number;
  steps: Step[];
}

function consoleBlocks(text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '```console') continue;
    const close = lines.findIndex((l, j) => j > i && l.startsWith('```'));
    if (close < 0) throw new Error(`README.md:${i + 1}: console block never closed`);
    const steps: Step[] = [];
    for (let j = i + 1; j < close; j++) {
      const l = lines[j]!;
      if (l.startsWith('$ ')) steps.push({ line: j + 1, command: l.slice(2).trim(), expected: [], cut: false });
      else if (!steps.length) throw new Error(`README.md:${j + 1}: a console block starts with a "$ " command, not output`);
      else steps.at(-1)!.expected.push(l);
    }
    for (const s of steps) {
      if (s.expected.at(-1) === '...') {
        s.expected.pop();
        s.cut = true;
      }
    }
    blocks.push({ open: i, close, steps });
    i = close;
  }
  return blocks;
}

/** The words a POSIX shell makes of a command line; refuses what it would expand or redirect. */
function shellWords(line: string, home: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  const refuse = (what: string) => new Error(`cannot run \`${line}\`: ${what} is shell syntax this test does not interpret`);
  for (let i = 0; i < line.length;) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i += 1;
    } else if (c === '#' && !inWord) {
      break; // a comment, as in a shell: `crm deal show #12` would lose its argument
    } else if (c === '~' && !inWord && (i + 1 === line.length || line[i + 1] === '/' || line[i + 1] === ' ')) {
      word += home;
      inWord = true;
      i += 1;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`cannot run \`${line}\`: unclosed '`);
      word += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      inWord = true;
      i += 1;
      for (; line[i] !== '"'; i += 1) {
        if (i >= line.length) throw new Error(`cannot run \`${line}\`: unclosed "`);
        if (line[i] === '\\' && '"\\$`'.includes(line[i + 1] ?? '')) word += line[++i];
        else if (line[i] === '$' || line[i] === '`') throw refuse(line[i]!);
        else word += line[i];
      }
      i += 1;
    } else if (c === '\\') {
      if (i + 1 === line.length) throw refuse('a line continuation');
      word += line[i + 1];
      inWord = true;
      i += 2;
    } else if ('|&;<>()$`*?[{'.includes(c)) {
      throw refuse(c);
    } else {
      word += c;
      inWord = true;
      i += 1;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** The lines a terminal shows for what a command wrote. */
function screen(written: string, homes: string[]): string[] {
  let text = written.replace(/\x1b\[[0-9;]*m/g, '');
  for (const h of homes) text = text.split(h).join(HOME_SHOWN);
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  // \r returns to the line's start, so later text overwrites; ESC[2K (a progress line erasing itself) clears it.
  return lines.map((l) => l.split('\r').reduce((shown, part) => (part.startsWith('\x1b[2K') ? part.slice(4)
    : part + shown.slice(part.length)), '').trimEnd());
}

/** `captured with \`CRM_NOW=... CRM_USER=...\``: the statement is the test's environment, so it stays true. */
function capturedWith(text: string): Record<string, string> {
  const m = /captured with `([^`]+)`/.exec(text);
  if (!m) throw new Error('README.md no longer says which environment its output was captured with ("captured with `CRM_NOW=...`")');
  return Object.fromEntries(m[1]!.trim().split(/\s+/).map((kv) => {
    const [k, ...v] = kv.split('=');
    return [k!, v.join('=')];
  }));
}

interface Played {
  step: Step;
  shown: string[];
  exitCode: number;
}

async function play(block: Block, captured: Record<string, string>): Promise<Played[]> {
  const s = sandbox(captured);
  delete s.env.XDG_DATA_HOME;
  delete s.env.XDG_CONFIG_HOME;
  const homes = [realpathSync(s.home), s.home];
  const played: Played[] = [];
  let last = 0;
  for (const step of block.steps) {
    if (step.command === 'echo $?') {
      played.push({ step, shown: [String(last)], exitCode: 0 });
      last = 0;
      continue;
    }
    const [program, ...args] = shellWords(step.command, s.home);
    if (program !== 'crm') throw new Error(`README.md:${step.line}: \`${step.command}\` is not a crm command; the test runs only crm and \`echo $?\``);
    const r = await s.terminal(args, { cwd: ROOT });
    played.push({ step, shown: screen(r.output, homes), exitCode: r.exitCode });
    last = r.exitCode;
  }
  return played;
}

/** Rewriting the README never cements a failure: a command that fails must say so with `$ echo $?`. */
function verifyExits(played: Played[], name: string) {
  played.forEach(({ step, shown, exitCode }, i) => {
    if (played[i + 1]?.step.command === 'echo $?') return;
    const where = `${name}, README.md:${step.line}: $ ${step.command}`;
    expect.soft(exitCode, `${where}\nfailed, and the README does not follow it with \`$ echo $?\`:\n${shown.join('\n')}`).toBe(0);
  });
}

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g;
const anyUuid = (lines: string[]) => lines.map((l) => l.replace(UUID, '<uuid>'));

function verifyOutput(played: Played[], name: string) {
  for (const { step, shown: screenLines } of played) {
    const shown = anyUuid(screenLines);
    const expected = anyUuid(step.expected);
    const where = `${name}, README.md:${step.line}: $ ${step.command}`;
    if (step.cut) {
      expect.soft(shown.slice(0, expected.length).join('\n'), where).toBe(expected.join('\n'));
      expect.soft(shown.length, `${where}\nends with "..." but the output has no more lines`).toBeGreaterThan(expected.length);
    } else {
      expect.soft(shown.join('\n'), where).toBe(expected.join('\n'));
    }
  }
}

describe('reading the README like a shell and a terminal', () => {
  it('splits words as a shell does, expands a leading ~, and refuses what it would not run faithfully', () => {
    expect(shellWords(`crm deal add "Globex \\"big\\" deal" --amount '12,500.50' Li\\ Na ~/x a~b #12`, '/h'))
      .toEqual(['crm', 'deal', 'add', 'Globex "big" deal', '--amount', '12,500.50', 'Li Na', '/h/x', 'a~b']);
    expect(shellWords('crm --db ~ "~/x"', '/h')).toEqual(['crm', '--db', '/h', '~/x']);
    for (const bad of ['crm list | head', 'crm x > out', 'crm show $NAME', 'crm show "$NAME"', 'crm a; crm b', 'crm x *', 'crm "open']) {
      expect(() => shellWords(bad, '/h'), bad).toThrow(/cannot run/);
    }
  });

  it('shows what a terminal shows: no colour, the last of a redrawn line, the home as /home/alice', () => {
    expect(screen('\r\x1b[2Kfitting the model\r\x1b[2KAs of  1997-09-30\n', [])).toEqual(['As of  1997-09-30']);
    expect(screen('\x1b[1mName\x1b[22m   \n\rimporting 1 rows\rimporting 6,919 rows\nsaved in /tmp/h1/x\n', ['/tmp/h1']))
      .toEqual(['Name', 'importing 6,919 rows', 'saved in /home/alice/x']);
  });

  it('reads blocks into commands, their output and a "..." cut', () => {
    const blocks = consoleBlocks('text\n```console\n$ crm a\none\n...\n$ echo $?\n0\n```\n```sh\n$ not this\n```\n');
    expect(blocks).toEqual([{ open: 1, close: 7, steps: [
      { line: 3, command: 'crm a', expected: ['one'], cut: true },
      { line: 6, command: 'echo $?', expected: ['0'], cut: false },
    ] }]);
    expect(() => consoleBlocks('```console\noutput first\n```\n')).toThrow(/starts with a "\$ " command/);
  });
});

describe('examples/cdnow-orders.csv', () => {
  it('is the CDNOW sample of test/fixtures, as CSV crm order import reads', () => {
    const rows = readFileSync(join(ROOT, 'test/fixtures/CDNOW_sample.txt'), 'utf8').trim().split(/\r?\n/)
      .map((l) => l.trim().split(/\s+/))
      .map(([customer, , day, , amount]) => `${customer},${day!.slice(0, 4)}-${day!.slice(4, 6)}-${day!.slice(6)},${amount}`);
    expect(readFileSync(join(ROOT, 'examples/cdnow-orders.csv'), 'utf8')).toBe(['customer,date,amount', ...rows, ''].join('\n'));
  });
});

const text = readFileSync(README, 'utf8');
const blocks = consoleBlocks(text);
const captured = capturedWith(text);
const rewritten = new Map<Block, string[]>();

describe('README.md console blocks', () => {
  it('are captured in the time zone the README states', () => {
    expect(blocks.length).toBeGreaterThan(0);
    // TZ cannot be set per command in process: the test run's own zone must be the one the README names.
    expect(process.env.TZ, 'README.md "captured with" names TZ').toBe(captured.TZ);
  });

  for (const [n, block] of blocks.entries()) {
    const name = `block ${n + 1} (README.md:${block.open + 1})`;
    it(`${name}: $ ${block.steps[0]!.command}`, async () => {
      const played = await play(block, captured);
      verifyExits(played, name);
      if (UPDATE) {
        rewritten.set(block, played.flatMap(({ step, shown }) =>
          [`$ ${step.command}`, ...(step.cut ? [...shown.slice(0, step.expected.length), '...'] : shown)]));
      } else {
        verifyOutput(played, name);
      }
    });
  }

  afterAll(() => {
    if (!UPDATE || rewritten.size === 0) return;
    const lines = text.split('\n');
    for (const [block, body] of [...rewritten].sort(([a], [b]) => b.open - a.open)) lines.splice(block.open + 1, block.close - block.open - 1, ...body);
    writeFileSync(README, lines.join('\n'));
  });
});
