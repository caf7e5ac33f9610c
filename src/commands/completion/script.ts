import type { Command } from 'commander';
import { bashScript } from '../../completion/bash.js';
import { fishScript } from '../../completion/fish.js';
import { buildSpec } from '../../completion/spec.js';
import { zshScript } from '../../completion/zsh.js';
import type { Context } from '../../context.js';
import { value } from '../../output/view.js';
import type { CompletionInput } from './spec.js';

const SHELLS = { bash: bashScript, zsh: zshScript, fish: fishScript };

/** `crm completion SHELL`: the completion script for SHELL, generated from the command tree it is given. */
export async function run({ args: [shell] }: CompletionInput<'script'>, _ctx: Context, program: Command) {
  const script = SHELLS[shell as keyof typeof SHELLS](buildSpec(program));
  return value(script, script.replace(/\n$/, ''));
}
