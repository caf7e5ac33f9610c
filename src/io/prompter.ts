import { CrmError, usageError } from '../errors.js';
import type { Streams } from './terminal.js';

export interface Choice<T> {
  value: T;
  name: string;
  description?: string;
}

export interface TextQuestion {
  message: string;
  /** Taken when the answer is left empty, and shown in the question. */
  default?: string;
  /** The current value, put on the line ready to edit (edit commands). */
  current?: string;
  /** Why an answer is wrong; the question stays until the answer is good. */
  validate?: (answer: string) => string | undefined;
  /** How the answer will be read, shown beside it as it is typed ("eom" → 2026-03-31). */
  preview?: (answer: string) => string | undefined;
}

/** The questions a command may ask. Every one of them ends in exit 130, nothing written, on Ctrl-C. */
export interface Prompter {
  /**
   * Asks before a destructive step; without a terminal the user must have said --yes. `action` names the step
   * in the refusal, e.g. "delete contact #3 Li Na".
   */
  confirm(question: string, action: string): Promise<void>;
  text(q: TextQuestion): Promise<string>;
  /** A password: not echoed. */
  secret(message: string): Promise<string>;
  select<T>(message: string, choices: Choice<T>[], initial?: T): Promise<T>;
  /** A search-as-you-type picker: `source` is asked again for every change of the typed text. */
  search<T>(message: string, source: (term: string) => Promise<Choice<T>[]>): Promise<T>;
}

const cancelled = () => new CrmError('cancelled', 'cancelled; nothing was changed');

function isCancel(e: unknown): boolean {
  const name = (e as { name?: string }).name;
  return name === 'ExitPromptError' || name === 'AbortPromptError';
}

/** Missing input where no one can be asked: a usage error naming what to pass (product.md). */
export function missingInput(missing: string[], usage: string): CrmError {
  const names = missing.length > 1 ? `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}` : missing[0]!;
  return usageError(`missing ${names}`, `pass ${names}: ${usage}; crm asks for them only on a terminal, without --no-input`);
}

const PAGE = 12;

/** What asking needs: where to draw and read, whether someone is there to answer, and whether --yes answered already. */
export interface PromptSettings {
  streams: Pick<Streams, 'stdin' | 'stderr'>;
  interactive: boolean;
  yes: boolean;
}

export function createPrompter({ streams, interactive, yes }: PromptSettings): Prompter {
  // Prompts go to stderr so stdout stays clean for data.
  const io = { output: streams.stderr, input: streams.stdin };
  const asking = async <T>(ask: () => Promise<T>): Promise<T> => {
    try {
      return await ask();
    } catch (e) {
      if (isCancel(e)) throw cancelled();
      throw e;
    }
  };
  return {
    async confirm(question, action) {
      if (yes) return;
      if (!interactive) {
        throw usageError(`will not ${action} without confirmation`, 'pass --yes (-y) to confirm when there is no terminal');
      }
      const { confirm } = await import('@inquirer/prompts');
      if (!await asking(() => confirm({ message: question, default: false }, io))) throw cancelled();
    },

    async text(q) {
      const { input } = await import('@inquirer/prompts');
      const answer = await asking(() => input({
        message: q.message,
        default: q.current ?? q.default,
        prefill: q.current !== undefined ? 'editable' : 'tab',
        validate: (v) => q.validate?.(v.trim() === '' && q.default !== undefined ? q.default : v) ?? true,
        transformer: (v, { isFinal }) => {
          const shown = isFinal || !q.preview || v.trim() === '' ? undefined : q.preview(v);
          return shown ? `${v}  → ${shown}` : v;
        },
      }, io));
      return answer.trim() === '' && q.default !== undefined ? q.default : answer;
    },

    async secret(message) {
      const { password } = await import('@inquirer/prompts');
      return asking(() => password({ message, mask: true }, io));
    },

    async select(message, choices, initial) {
      const { select } = await import('@inquirer/prompts');
      return asking(() => select({ message, choices, default: initial, pageSize: PAGE, loop: false }, io));
    },

    async search(message, source) {
      const { search } = await import('@inquirer/prompts');
      return asking(() => search({ message, source: (term) => source(term ?? ''), pageSize: PAGE }, io));
    },
  };
}
