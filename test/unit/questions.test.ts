import { describe, expect, it } from 'vitest';
import { askChanges, askMissing, problem, text } from '../../src/commands/ask/questions.js';
import { invalid } from '../../src/errors.js';
import { missingInput, type Prompter, type TextQuestion } from '../../src/io/prompter.js';

/** A prompter that answers from a script and records what it was asked. */
function scripted(answers: string[]) {
  const asked: TextQuestion[] = [];
  const p: Prompter = {
    confirm: async () => {},
    text: async (q) => {
      asked.push(q);
      const a = answers.shift()!;
      return a === '' && q.default !== undefined ? q.default : a;
    },
    secret: async () => answers.shift()!,
    select: async () => answers.shift() as never,
    search: async () => answers.shift() as never,
  };
  return { p, asked };
}

describe('guided questions', () => {
  it('asks only for what the flags left out; an empty answer leaves the field to its default', async () => {
    const { p, asked } = scripted(['Acme', '']);
    const filled = await askMissing(p, { name: undefined, owner: 'bob', notes: undefined } as Record<string, string | undefined>, [
      ['name', text('Name', { required: true })], ['owner', text('Owner')], ['notes', text('Notes')],
    ]);
    expect(filled).toEqual({ name: 'Acme', owner: 'bob', notes: undefined });
    expect(asked.map((q) => q.message)).toEqual(['Name', 'Notes']);
  });

  it('edit offers current values and keeps only the answers that differ', async () => {
    const { p, asked } = scripted(['Acme', 'Logistics', '']);
    const changed = await askChanges(p, {} as Record<string, string>, [
      ['name', text('Name'), 'Acme'], ['industry', text('Industry'), 'Retail'], ['notes', text('Notes'), 'call first'],
    ]);
    expect(changed).toEqual({ industry: 'Logistics', notes: '' });
    expect(asked.map((q) => q.current)).toEqual(['Acme', 'Retail', 'call first']);
  });

  it('checks answers with the flag rules, without the flag name', () => {
    expect(problem(() => { throw invalid('--amount', '"x" is not an amount', 'write it like 12.50'); }))
      .toBe('"x" is not an amount; write it like 12.50');
    expect(problem(() => 1)).toBeUndefined();
    const validate = (q: TextQuestion) => q.validate!;
    const { p, asked } = scripted(['5']);
    void text('Size', { required: true, check: (v) => { if (v !== '5') throw invalid('--size', 'must be 5'); } })(p, undefined, {});
    expect(validate(asked[0]!)('')).toBe('is required');
    expect(validate(asked[0]!)('4')).toBe('must be 5');
    expect(validate(asked[0]!)('5')).toBeUndefined();
  });

  it('without a terminal, names everything missing and how to pass it', () => {
    const e = missingInput(['DEAL', 'STAGE'], 'crm deal move DEAL STAGE');
    expect([e.exitCode, e.message, e.hint?.split(';')[0]]).toEqual([2, 'missing DEAL and STAGE', 'pass DEAL and STAGE: crm deal move DEAL STAGE']);
  });
});
