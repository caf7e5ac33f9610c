import type { Command } from '@commander-js/extra-typings';

/**
 * What a command's `run` receives, inferred from its spec (the commander command declared in its noun's
 * spec.ts): positional arguments as commander processed them, options by their camel-cased names. A flag
 * renamed in the spec is a type error wherever the old name is read.
 */
export type InputOf<Spec> = Spec extends Command<infer Args, infer Opts, infer _Globals> ? { args: Args; opts: Opts } : never;

export type OptsOf<Spec> = InputOf<Spec>['opts'];
