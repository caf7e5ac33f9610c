import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import type { InputOf } from '../commands/input.js';
import type { Context } from '../context.js';
import type { Output } from '../output/view.js';

/** A command implementation: takes what its spec parses, returns data and a view. */
type Run<Spec> = (input: InputOf<Spec>, ctx: Context) => Promise<Output>;

/** Identical types: mutual assignability would let a run expect options the spec never declares (all optional). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;

/** A run that reads exactly the spec's flags: its first parameter has the spec's option names, no more, no fewer. */
type Fits<Spec, M> = M extends { run: (input: infer I, ...rest: never[]) => unknown }
  ? Same<keyof (I extends { opts: infer O } ? O : {}), keyof InputOf<Spec>['opts']>
  : false;

/**
 * Wires a command spec to its implementation, loaded only when that command runs (fast startup), and hands
 * the command's data to the output layer. It compiles only when the module's `run` takes this spec's input: a
 * run given arguments or flags of another type fails on `load`; one reading other flag names than the spec
 * declares fails as "Expected 4 arguments", the fourth being the parameter named for that mistake.
 */
export function lazy<Spec extends CommandUnknownOpts, M extends { run: Run<Spec> }>(
  ctx: Context, spec: Spec, load: () => Promise<M>,
  ..._runTakesThisSpecsFlags: Fits<Spec, M> extends true ? [] : [never]
): void {
  spec.action(async (...params: unknown[]) => {
    const cmd = params.at(-1) as Spec;
    const { run } = await load();
    const output = await run({ args: cmd.processedArgs, opts: cmd.opts() } as InputOf<Spec>, ctx);
    const { emit } = await import('../output/emit.js');
    await emit(output, ctx);
  });
}
