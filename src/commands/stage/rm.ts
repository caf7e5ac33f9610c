import type { Context } from '../../context.js';
import type { Stage } from '../../domain/stage.js';
import { conflict, invalid, usageError } from '../../errors.js';
import { deleteQuestion, stageRemoved } from '../../output/views/notices.js';
import type { Repos } from '../../store/store.js';
import { findStage } from './shared.js';
import type { StageInput } from './spec.js';

/** What removing the stage takes: the stage, and where its deals go. Checked before asking and again when writing. */
async function plan(repos: Repos, ref: string, moveTo: string | undefined): Promise<{ stage: Stage; target: Stage | null; inUse: number }> {
  const stage = await findStage(repos, ref, 'STAGE');
  const stages = await repos.stages.list();
  if (stage.outcome !== 'open' && stages.filter((s) => s.outcome === stage.outcome).length === 1) {
    throw conflict(`"${stage.name}" is the only ${stage.outcome} stage; deals need one to be ${stage.outcome}`,
      `add another ${stage.outcome} stage first (crm stage add NAME --outcome ${stage.outcome})`);
  }
  const inUse = await repos.deals.countInStage(stage.id);
  if (inUse === 0) return { stage, target: null, inUse };
  if (moveTo === undefined) {
    throw conflict(`${inUse} deal${inUse === 1 ? ' is' : 's are'} in stage "${stage.name}"`, 'pass --move-to STAGE to move them first');
  }
  const target = await findStage(repos, moveTo, '--move-to');
  if (target.id === stage.id) throw usageError('--move-to names the stage being removed', 'name another stage');
  if (target.outcome !== stage.outcome) {
    // Won and lost deals close through deal win/lose (close date, order, reason), not through a stage removal.
    throw invalid('--move-to', `"${target.name}" is a ${target.outcome} stage, "${stage.name}" an ${stage.outcome} one`,
      `move the deals to another ${stage.outcome} stage`);
  }
  return { stage, target, inUse };
}

export async function run({ args: [ref], opts }: StageInput<'rm'>, ctx: Context) {
  const first = await plan(await ctx.store(), ref!, opts.moveTo);
  await (await ctx.prompter()).confirm(...deleteQuestion('stage', first.stage, first.inUse, `deals (moved to ${first.target?.name})`));
  const result = await ctx.write(async (tx) => {
    const { stage, target } = await plan(tx, ref!, opts.moveTo);
    const moved = await tx.stages.remove(stage, target);
    for (const [i, s] of (await tx.stages.list()).entries()) {
      if (s.position !== i + 1) await tx.stages.update(s, { ...s, position: i + 1 });
    }
    return { stage, moved, target };
  });
  return { kind: 'none' as const, done: stageRemoved(result.stage.name, result.moved, result.target?.name) };
}
