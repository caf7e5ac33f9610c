import { matchByName } from '../../domain/reference.js';
import type { Stage } from '../../domain/stage.js';
import { rejected } from '../../domain/check.js';
import { CrmError } from '../../errors.js';
import type { Repos } from '../../store/store.js';

/**
 * A stage by id, name or the unique start of a name; an unknown one is a validation error naming the flag and listing
 * the stages, an ambiguous start lists the stages it starts.
 */
export async function findStage(repos: Repos, text: string, field: string): Promise<Stage> {
  const stages = await repos.stages.list();
  const t = text.trim();
  const found = /^#?\d+$/.test(t) ? stages.filter((s) => s.id === Number(t.replace('#', ''))) : matchByName(stages, (s) => s.name, t);
  if (found.length > 1) {
    throw new CrmError('ambiguous', `${field}: "${text}" matches ${found.length} stages: ${found.map((s) => s.name).join(', ')}`,
      'type more of the name', { field, candidates: found.map((s) => ({ kind: 'stage', id: s.id, name: s.name })) });
  }
  if (!found[0]) {
    // A stage is a record like any other: naming one that does not exist is "not found" (exit 3), as for a contact.
    const { message, hint } = rejected(field, text, `is not a stage; use one of: ${stages.map((s) => s.name).join(', ')}`);
    throw new CrmError('not_found', message, hint, { field });
  }
  return found[0];
}
