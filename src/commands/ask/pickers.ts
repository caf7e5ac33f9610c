import type { Context } from '../../context.js';
import { isoDate } from '../../domain/dates.js';
import type { SearchKind } from '../../domain/reference.js';
import type { Outcome } from '../../domain/stage.js';
import { usageError } from '../../errors.js';
import type { Choice } from '../../io/prompter.js';
import { followupChoice, keepChoice, noneChoice, reasonChoice, recordChoice, stageChoice } from '../../output/views/choices.js';
import type { Question } from './questions.js';

const SHOWN = 30;

// Pickers open the database only when they are asked: a Ctrl-C at an earlier question leaves no trace, not even a
// new database file.

/**
 * A search-as-you-type picker over records of `kinds`; it answers a kind-qualified id ("deal:12"), which no
 * duplicate name can make ambiguous. `optional` offers "(none)", the empty answer; `openDeals` leaves out won and
 * lost deals, for the commands that only take open ones.
 */
export const pickRecord = (ctx: Context, kinds: readonly SearchKind[], message: string,
  o: { optional?: boolean; openDeals?: boolean } = {}): Question =>
  async (p, current) => {
    const repos = await ctx.store();
    const keep = current ? await repos.refs.resolve(current, kinds).then((c) => keepChoice(c.name, current), () => undefined) : undefined;
    return p.search(message, async (term): Promise<Choice<string>[]> => {
      let hits = /[\p{L}\p{N}]/u.test(term) ? await repos.search.query(term, kinds, SHOWN) : await repos.search.recent(kinds, SHOWN);
      if (o.openDeals) {
        const open = await repos.deals.openIds(hits.filter((h) => h.kind === 'deal').map((h) => h.id));
        hits = hits.filter((h) => h.kind !== 'deal' || open.has(h.id));
      }
      const found = hits.map((h) => recordChoice(h, `${h.kind}:${h.id}`));
      if (term.trim() !== '') return found;
      return [...(keep ? [keep] : []), ...(o.optional ? [noneChoice] : []), ...found];
    });
  };

/** Stages of one outcome in pipeline order, the current (or first) one preselected; answers the stage id. */
export const pickStage = (ctx: Context, message: string, outcome: Outcome = 'open'): Question => async (p, current) => {
  const stages = (await (await ctx.store()).stages.list()).filter((s) => s.outcome === outcome);
  if (!stages.length) throw usageError(`there is no ${outcome} stage`, 'add one with crm stage add NAME');
  return p.select(message, stages.map(stageChoice), current ?? String(stages[0]!.id));
};

/** One of the lost reasons the team uses (the shared setting lostReasons). */
export const pickReason = (reasons: readonly string[], message: string): Question => (p) => p.select(message, reasons.map(reasonChoice));

/**
 * Open follow-ups, soonest first; answers the id. By default what is on today's plate (due today or overdue), which
 * is what done and snooze are for; `any` offers every open one (edit).
 */
export const pickFollowup = (ctx: Context, message: string, o: { any?: boolean } = {}): Question => async (p) => {
  const today = isoDate(ctx.now);
  const due = await (await ctx.store()).followups.list({ status: 'open', dueTo: o.any ? undefined : today });
  if (!due.length) {
    throw usageError(o.any ? 'there is no open follow-up' : 'no follow-up is due today or overdue',
      'name the one you mean; crm followup list shows them all');
  }
  return p.select(message, due.map((f) => followupChoice(f, today)));
};

/**
 * The positional reference a command was given, or, when it was left out, the record picked on a terminal.
 * Without a terminal a missing one is a usage error naming `arg` and showing `usage`.
 */
export async function givenOrPicked(ctx: Context, given: string | undefined, arg: string, usage: string, pick: Question): Promise<string> {
  if (given !== undefined) return given;
  return pick(await ctx.ask([arg], usage), undefined, {});
}
