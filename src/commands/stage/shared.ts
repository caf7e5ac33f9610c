import type { Stage } from '../../domain/stage.js';
import { invalid } from '../../errors.js';
import type { Repos } from '../../store/store.js';

/** A stage by id or name; an unknown one is a validation error naming the flag and listing the stages. */
export async function findStage(repos: Repos, text: string, field: string): Promise<Stage> {
  const stages = await repos.stages.list();
  const t = text.trim();
  const found = /^#?\d+$/.test(t) ? stages.find((s) => s.id === Number(t.replace('#', '')))
    : (await repos.stages.findByName(t))[0];
  if (!found) throw invalid(field, `"${text}" is not a stage`, `use one of: ${stages.map((s) => s.name).join(', ')}`);
  return found;
}
