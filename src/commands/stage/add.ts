import type { Context } from '../../context.js';
import { check, count } from '../../domain/fields.js';
import { nameKey } from '../../domain/reference.js';
import { stageJson } from '../../domain/stage.js';
import { conflict } from '../../errors.js';
import { added } from '../../output/views/notices.js';
import { stageView } from '../../output/views/stage.js';
import { stageFields } from './fields.js';
import type { StageInput } from './spec.js';

export async function run({ args: [name], opts }: StageInput<'add'>, ctx: Context) {
  const stage = await ctx.write(async (tx) => {
    const stages = await tx.stages.list();
    if (stages.some((s) => nameKey(s.name) === nameKey(name!))) {
      throw conflict(`stage "${name}" already exists`, 'choose another name, or change it with crm stage edit');
    }
    // New open stages go before the closing stages unless placed explicitly.
    const firstClosed = stages.find((s) => s.outcome !== 'open')?.position ?? stages.length + 1;
    const wanted = opts.position === undefined ? ((opts.outcome ?? 'open') === 'open' ? firstClosed : stages.length + 1)
      : Math.min(Math.max(check(count, opts.position, '--position'), 1), stages.length + 1);
    const fields = stageFields({ ...opts, name }, undefined, wanted);
    // Make room: later stages move one down, each move journaled (last first, positions stay unique).
    for (const s of stages.filter((x) => x.position >= wanted).reverse()) await tx.stages.update(s, { ...s, position: s.position + 1 });
    return tx.stages.create(fields);
  });
  return stageView(stageJson(stage), added('stage', stage));
}
