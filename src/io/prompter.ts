import { CrmError, usageError } from '../errors.js';
import type { Context } from '../context.js';

export interface Prompter {
  /**
   * Asks before a destructive step; without a terminal the user must have said --yes. `action` names the step
   * in the refusal, e.g. "delete contact #3 Li Na".
   */
  confirm(question: string, action: string): Promise<void>;
}

const cancelled = () => new CrmError('cancelled', 'cancelled; nothing was changed');

function isCancel(e: unknown): boolean {
  const name = (e as { name?: string }).name;
  return name === 'ExitPromptError' || name === 'AbortPromptError';
}

export function createPrompter(ctx: Context): Prompter {
  return {
    async confirm(question, action) {
      if (ctx.global.yes) return;
      if (!ctx.interactive) {
        throw usageError(`will not ${action} without confirmation`, 'pass --yes (-y) to confirm when there is no terminal');
      }
      const { confirm } = await import('@inquirer/prompts');
      let ok: boolean;
      try {
        // Prompts go to stderr so stdout stays clean for data.
        ok = await confirm({ message: question, default: false }, { output: ctx.streams.stderr, input: ctx.streams.stdin });
      } catch (e) {
        if (isCancel(e)) throw cancelled();
        throw e;
      }
      if (!ok) throw cancelled();
    },
  };
}
