import type { Context } from '../../context.js';
import { check, count } from '../../domain/fields.js';
import { stageJson } from '../../domain/stage.js';
import { nameKey } from '../../domain/reference.js';
import { conflict } from '../../errors.js';
import { updated } from '../../output/views/notices.js';
import { stageView } from '../../output/views/stage.js';
import { stageFields } from './fields.js';
import { findStage } from './shared.js';
import type { StageInput } from './spec.js';

export async function run({ args: [ref], opts }: StageInput<'edit'>, ctx: Context) {
  const stage = await ctx.write(async (tx) => {
    const before = await findStage(tx, ref!, 'STAGE');
    if (opts.name !== undefined && nameKey(opts.name) !== nameKey(before.name) && (await tx.stages.findByName(opts.name)).length) {
      throw conflict(`--name: a stage "${opts.name.trim()}" already exists`, 'choose another name');
    }
    if (opts.position === undefined) return tx.stages.update(before, stageFields(opts, before, before.position));
    // Reordering: take the stage out, then renumber everything around its new place.
    const stages = (await tx.stages.list()).filter((s) => s.id !== before.id);
    const at = Math.min(Math.max(check(count, opts.position, '--position'), 1), stages.length + 1);
    stages.splice(at - 1, 0, before);
    let result = before;
    for (const [i, s] of stages.entries()) {
      if (s.id === before.id) result = await tx.stages.update(before, stageFields(opts, before, i + 1));
      else if (s.position !== i + 1) await tx.stages.update(s, { ...s, position: i + 1 });
    }
    return result;
  });
  return stageView(stageJson(stage), updated('stage', stage));
}
