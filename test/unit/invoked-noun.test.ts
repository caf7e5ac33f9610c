import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, invokedNoun } from '../../src/cli/program.js';
import { Context } from '../../src/context.js';

const names = (c: Command) => c.commands.map((x) => x.name());
const helpOf = (c: Command): string[] => [c.helpInformation(), ...c.commands.flatMap(helpOf)];

describe('the program built for one noun', () => {
  it('is chosen only when nothing but global flags stands before a known noun', () => {
    expect(invokedNoun(['contact', 'add', 'Ann'])).toBe('contact');
    expect(invokedNoun(['--db', 'x.db', '--json', '-q', 'contact', 'list'])).toBe('contact');
    expect(invokedNoun(['--db=x.db', '--format', 'csv', '--no-color', 'deal', 'ls'])).toBe('deal');
    for (const argv of [[], ['--help'], ['help', 'contact'], ['completion', 'bash'], ['contcat', 'list'], ['--bogus', 'contact'],
      ['--db'], ['--db', 'contact', 'list'], ['-V'], ['--', 'contact'], ['-qy', 'contact', 'list']]) {
      expect(invokedNoun(argv), argv.join(' ')).toBeUndefined();
    }
  });

  it('holds that noun alone, with the same commands, flags and help as in the whole tree', async () => {
    const whole = await buildProgram(new Context(process, {}, []));
    for (const noun of names(whole).filter((n) => !['completion', 'help', '__complete'].includes(n))) {
      const one = await buildProgram(new Context(process, {}, [noun]));
      expect(names(one)).toEqual([noun]);
      expect(helpOf(one.commands[0]!)).toEqual(helpOf(whole.commands.find((c) => c.name() === noun)!));
    }
  });
});
