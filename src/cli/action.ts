import type { Command } from 'commander';
import type { Context, GlobalOptions } from '../context.js';
import { quietWithoutIds } from '../errors.js';
import type { Output } from '../output/view.js';

export interface Input<O = Record<string, unknown>> {
  args: string[];
  opts: O;
}

export interface CommandModule {
  run(input: Input<any>, ctx: Context): Promise<Output>;
}

const GLOBAL_KEYS: (keyof GlobalOptions)[] = ['json', 'format', 'quiet', 'db', 'color', 'input', 'yes'];

/**
 * Wires a command spec to its implementation, loaded only when that command runs (fast startup), and hands
 * the command's data to the output layer.
 */
export function lazy(ctx: Context, load: () => Promise<CommandModule>) {
  return async (...params: unknown[]) => {
    const cmd = params.at(-1) as Command;
    const all = cmd.optsWithGlobals() as Record<string, unknown>;
    for (const key of GLOBAL_KEYS) if (all[key] !== undefined) (ctx.global as Record<string, unknown>)[key] = all[key];
    const args = params.slice(0, -2).flatMap((a) => (Array.isArray(a) ? a : a === undefined ? [] : [a])) as string[];
    const { run } = await load();
    const output = await run({ args, opts: cmd.opts() }, ctx);
    const { emit } = await import('../output/emit.js');
    await emit(output, ctx);
  };
}

/**
 * A `preAction` hook for commands whose output lists no records (reports, settings, removals): -q, which prints
 * only ids, is refused before the command runs, so it never half-does what was asked. On a noun it covers
 * every verb. (The renderer refuses -q on any output without ids too, after the fact.)
 */
export function listsNoRecords(_hooked: Command, action: Command): void {
  if (!action.optsWithGlobals().quiet) return;
  const words: string[] = [];
  for (let c: Command | null = action; c?.parent; c = c.parent) words.unshift(c.name());
  throw quietWithoutIds(`crm ${words.join(' ')}`);
}
