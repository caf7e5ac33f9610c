import type { Context } from '../../context.js';
import { checkMoveTarget, checkRemovable } from '../../domain/deal-transitions.js';
import { renumbered, type Stage } from '../../domain/stage.js';
import { deleteQuestion, stageRemoved } from '../../output/views/notices.js';
import type { Repos } from '../../store/store.js';
import { findStage } from './shared.js';
import type { StageInput } from './spec.js';

/** What removing the stage takes: the stage, and where its deals go. Checked before asking and again when writing. */
async function plan(repos: Repos, ref: string, moveTo: string | undefined): Promise<{ stage: Stage; target: Stage | null; inUse: number }> {
  const stage = await findStage(repos, ref, 'STAGE');
  checkRemovable(stage, await repos.stages.list());
  const inUse = await repos.deals.countInStage(stage.id);
  // --move-to is looked up only when there are deals to move: a stage nobody is in goes whatever the flag says.
  const target = inUse === 0 || moveTo === undefined ? null : await findStage(repos, moveTo, '--move-to');
  checkMoveTarget(stage, inUse, target);
  return { stage, target, inUse };
}

export async function run({ args: [ref], opts }: StageInput<'rm'>, ctx: Context) {
  const first = await plan(await ctx.store(), ref!, opts.moveTo);
  await (await ctx.prompter()).confirm(...deleteQuestion('stage', first.stage, first.inUse, `deals (moved to ${first.target?.name})`));
  const result = await ctx.write(async (tx) => {
    const { stage, target } = await plan(tx, ref!, opts.moveTo);
    const moved = await tx.stages.remove(stage, target);
    for (const { stage: s, position } of renumbered(await tx.stages.list())) await tx.stages.update(s, { ...s, position });
    return { stage, moved, target };
  });
  return { kind: 'none' as const, done: stageRemoved(result.stage.name, result.moved, result.target?.name) };
}
