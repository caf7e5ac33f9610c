import { Argument, type Command } from 'commander';
import type { Context } from '../context.js';
import { lazy, listsNoRecords } from './action.js';

export function registerCompletion(program: Command, ctx: Context): void {
  program.command('completion').description('print the shell completion script for bash, zsh or fish')
    .hook('preAction', listsNoRecords)
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']))
    .addHelpText('after', '\nExamples:\n  source <(crm completion bash)      in ~/.bashrc\n  source <(crm completion zsh)       in ~/.zshrc, after compinit\n  crm completion fish > ~/.config/fish/completions/crm.fish')
    .action(lazy(ctx, async () => {
      const { run } = await import('../commands/completion/script.js');
      return { run: (input, c) => run(input, c, program) };
    }));
  // What the scripts ask for live values on Tab: crm __complete KIND [PREFIX] (prints value<TAB>description lines).
  program.command('__complete', { hidden: true }).argument('<kind>').argument('[prefix]')
    .action(lazy(ctx, () => import('../commands/completion/values.js')));
}
