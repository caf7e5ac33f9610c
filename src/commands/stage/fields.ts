import { check, count, name, percent } from '../../domain/fields.js';
import type { Stage, StageFields } from '../../domain/stage.js';
import type { StageFlags } from './spec.js';

/** Defaults for a new stage follow its outcome: won stages are 100% closed, lost ones 0% omitted. */
export function stageFields(opts: StageFlags, base: Stage | undefined, position: number): StageFields {
  const outcome = opts.outcome ?? base?.outcome ?? 'open';
  const rotting = opts.rottingDays === undefined ? (base ? base.rottingDays : outcome === 'open' ? 30 : null)
    : opts.rottingDays.trim() === '' ? null : check(count, opts.rottingDays, '--rotting-days');
  return {
    name: opts.name === undefined ? base!.name : check(name, opts.name, base ? '--name' : 'name'),
    position,
    probability: opts.probability === undefined ? (base?.probability ?? (outcome === 'won' ? 100 : outcome === 'lost' ? 0 : 50))
      : check(percent, opts.probability, '--probability'),
    forecastCategory: opts.category ?? base?.forecastCategory ?? (outcome === 'won' ? 'closed' : outcome === 'lost' ? 'omitted' : 'pipeline'),
    outcome,
    rottingDays: rotting,
  };
}
