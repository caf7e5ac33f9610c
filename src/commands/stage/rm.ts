import type { Input } from '../../cli/action.js';
import type { Context } from '../../context.js';
import { conflict, usageError } from '../../errors.js';
import { findStage } from './shared.js';

export async function run({ args: [ref], opts }: Input<{ moveTo?: string }>, ctx: Context) {
  const result = await ctx.write(async (tx) => {
    const stage = await findStage(tx, ref!, 'STAGE');
    const stages = await tx.stages.list();
    if (stage.outcome !== 'open' && stages.filter((s) => s.outcome === stage.outcome).length === 1) {
      throw conflict(`"${stage.name}" is the only ${stage.outcome} stage; deals need one to be ${stage.outcome}`,
        `add another ${stage.outcome} stage first (crm stage add NAME --outcome ${stage.outcome})`);
    }
    const inUse = await tx.deals.countInStage(stage.id);
    let moved = 0;
    if (inUse > 0) {
      if (opts.moveTo === undefined) {
        throw conflict(`${inUse} deal${inUse === 1 ? ' is' : 's are'} in stage "${stage.name}"`, 'pass --move-to STAGE to move them first');
      }
      const target = await findStage(tx, opts.moveTo, '--move-to');
      if (target.id === stage.id) throw usageError('--move-to names the stage being removed', 'name another stage');
      moved = await tx.deals.moveAll(stage, target);
    }
    await tx.stages.remove(stage);
    for (const [i, s] of stages.filter((s) => s.id !== stage.id).entries()) {
      if (s.position !== i + 1) await tx.stages.update(s, { ...s, position: i + 1 });
    }
    return { stage, moved };
  });
  return { kind: 'none' as const, done: `removed stage ${result.stage.name}${result.moved ? `; moved ${result.moved} deals` : ''}` };
}
