import { unchanged } from '../../domain/record.js';
import { conflict } from '../../errors.js';
import { CrmError } from '../../errors.js';
import type { Context } from '../../context.js';
import type { Choice, Prompter } from '../../io/prompter.js';
import { answerProblem } from '../../output/errors.js';
import type { Store } from '../../store/store.js';

/**
 * One question of a guided command. It answers with the text the matching flag would carry, so prompted input
 * goes through the same parsing and checks as typed flags. `current` is the record's value, offered by edit.
 */
export type Question = (p: Prompter, current: string | undefined, sofar: Answers) => Promise<string>;

/** The flags as given and answered so far, for a question that depends on an earlier one (amount on currency). */
export type Answers = Record<string, unknown>;

/** A flag key and how to ask for it; for edit, also the record's current value as flag text. */
export type Asked<F> = [key: keyof F & string, ask: Question, current?: string];

/** What is wrong with an answer, as the check that the flag goes through says it; undefined when it passes. */
export function problem(check: () => unknown): string | undefined {
  try {
    check();
    return undefined;
  } catch (e) {
    if (!(e instanceof CrmError)) throw e;
    return answerProblem({ code: e.code, message: e.message, hint: e.hint, ...e.details });
  }
}

export interface TextOptions {
  /** An empty answer is refused. */
  required?: boolean;
  default?: string;
  /** Throws the same error the flag would give. */
  check?: (answer: string, sofar: Answers) => unknown;
  /** How the answer is read ("eom" → "2026-03-31"), shown as it is typed. */
  preview?: (answer: string, sofar: Answers) => string | undefined;
}

export const text = (message: string, o: TextOptions = {}): Question => (p, current, sofar) => p.text({
  message,
  default: o.default,
  current,
  validate: (v) => {
    if (v.trim() === '') return o.required ? 'is required' : undefined;
    return o.check ? problem(() => o.check!(v, sofar)) : undefined;
  },
  preview: o.preview && ((v) => {
    try {
      return o.preview!(v, sofar);
    } catch {
      return undefined;
    }
  }),
}).then((v) => v.trim());

/** A choice among fixed values; `optional` adds a "none" answer (the empty flag text, which clears). */
export const oneOf = (message: string, values: readonly string[], o: { default?: string; optional?: boolean } = {}): Question =>
  (p, current) => p.select(message, [
    ...(o.optional ? [{ value: '', name: '(none)' }] : []),
    ...values.map((v): Choice<string> => ({ value: v, name: v })),
  ], current ?? o.default ?? (o.optional ? '' : values[0]));

/** Asks for every field the flags left out (add); an empty answer leaves the field to its default. */
export async function askMissing<F extends object>(p: Prompter, opts: F, questions: Asked<F>[]): Promise<F> {
  const filled = { ...opts } as Record<string, unknown>;
  for (const [key, ask] of questions) {
    if (filled[key] !== undefined) continue;
    const answer = await ask(p, undefined, filled);
    if (answer !== '') filled[key] = answer;
  }
  return filled as F;
}

/** Offers each field's current value (edit); only answers that differ become changes. */
export async function askChanges<F extends object>(p: Prompter, opts: F, questions: Asked<F>[]): Promise<F> {
  const changed = { ...opts } as Record<string, unknown>;
  for (const [key, ask, current = ''] of questions) {
    const answer = await ask(p, current, changed);
    if (answer !== current) changed[key] = answer;
  }
  return changed as F;
}

/**
 * What an edit changes: the flags given, or, when none were, the answers to `questions` (each offering the
 * current value of the record `load` reads) on a terminal, with that record as it was seen: the write checks with
 * stillAsSeen that nobody saved it meanwhile. Without a terminal, an edit with nothing to change is a usage error
 * showing `usage`.
 */
export async function changesOf<F extends object, R extends object>(ctx: Context, opts: F, usage: string,
  load: (store: Store) => Promise<R>, questions: (record: R) => Asked<F>[] | Promise<Asked<F>[]>): Promise<{ flags: F; seen: R | null }> {
  if (Object.values(opts).some((v) => v !== undefined)) return { flags: opts, seen: null };
  const p = await ctx.ask(['the fields to change'], usage);
  const seen = await load(await ctx.store());
  return { flags: await askChanges(p, opts, await questions(seen)), seen };
}

/**
 * Refuses to save answers given to a record someone else saved while the prompts were open (exit 4): writing them
 * would silently undo that person's change. Edits given as flags read and write in one transaction and need no check.
 */
export function stillAsSeen(seen: object | null, current: object, what: string): void {
  if (seen !== null && !unchanged(seen, current)) {
    throw conflict(`${what} was changed by someone else while you were editing it; nothing was saved`, 'run the edit again to see the new values');
  }
}
