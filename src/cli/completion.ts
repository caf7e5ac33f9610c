import type { Command } from 'commander';
import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { type CompletionInput, completionSpec } from '../commands/completion/spec.js';
import type { Context } from '../context.js';
import { lazy } from './action.js';

/** `program` is the whole tree, which the completion script is generated from. */
export function registerCompletion(program: CommandUnknownOpts, tree: Command, ctx: Context): void {
  const completion = completionSpec(program);
  lazy(ctx, completion.script, async () => {
    const { run } = await import('../commands/completion/script.js');
    return { run: (input: CompletionInput<'script'>, c: Context) => run(input, c, tree) };
  });
  lazy(ctx, completion.values, () => import('../commands/completion/values.js'));
}
