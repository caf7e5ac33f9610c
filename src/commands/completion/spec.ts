import { Argument, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { listsNoRecords } from '../hooks.js';
import type { InputOf } from '../input.js';

/** `crm completion SHELL`, and the hidden `crm __complete` that its scripts call on Tab. */
export function completionSpec(program: CommandUnknownOpts) {
  return {
    script: program.command('completion').description('print the shell completion script for bash, zsh or fish')
      .hook('preAction', listsNoRecords)
      .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish'] as const))
      .addHelpText('after', '\nExamples:\n  source <(crm completion bash)      in ~/.bashrc\n  source <(crm completion zsh)       in ~/.zshrc, after compinit\n  crm completion fish > ~/.config/fish/completions/crm.fish'),
    // What the scripts ask for live values on Tab: crm __complete KIND [PREFIX] (prints value<TAB>description lines).
    values: program.command('__complete', { hidden: true }).argument('<kind>').argument('[prefix]'),
  };
}

type Spec = ReturnType<typeof completionSpec>;
export type CompletionInput<Verb extends keyof Spec> = InputOf<Spec[Verb]>;
