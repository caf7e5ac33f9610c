import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { agendaSpec } from '../commands/agenda/spec.js';
import { dealSpec } from '../commands/deal/spec.js';
import { demoSpec } from '../commands/demo/spec.js';
import { followupSpec } from '../commands/followup/spec.js';
import { type LogInput, logSpec } from '../commands/log/spec.js';
import { orderSpec } from '../commands/order/spec.js';
import { stageSpec } from '../commands/stage/spec.js';
import type { Context } from '../context.js';
import type { ActivityType } from '../domain/activity.js';
import { lazy } from './action.js';

export function registerStage(program: CommandUnknownOpts, ctx: Context): void {
  const stage = stageSpec(program);
  lazy(ctx, stage.list, () => import('../commands/stage/list.js'));
  lazy(ctx, stage.add, () => import('../commands/stage/add.js'));
  lazy(ctx, stage.edit, () => import('../commands/stage/edit.js'));
  lazy(ctx, stage.rm, () => import('../commands/stage/rm.js'));
}

export function registerDeal(program: CommandUnknownOpts, ctx: Context): void {
  const deal = dealSpec(program);
  lazy(ctx, deal.add, () => import('../commands/deal/add.js'));
  lazy(ctx, deal.list, () => import('../commands/deal/list.js'));
  lazy(ctx, deal.show, () => import('../commands/deal/show.js'));
  lazy(ctx, deal.edit, () => import('../commands/deal/edit.js'));
  lazy(ctx, deal.move, () => import('../commands/deal/move.js'));
  lazy(ctx, deal.win, () => import('../commands/deal/win.js'));
  lazy(ctx, deal.lose, () => import('../commands/deal/lose.js'));
  lazy(ctx, deal.reopen, () => import('../commands/deal/reopen.js'));
  lazy(ctx, deal.rm, () => import('../commands/deal/rm.js'));
}

export function registerLog(program: CommandUnknownOpts, ctx: Context): void {
  const log = logSpec(program);
  // One implementation logs every type; it learns which from the verb.
  const logs = <T extends ActivityType>(type: T) => async () => {
    const { run } = await import('../commands/log/add.js');
    return { run: (input: LogInput<T>, c: Context) => run({ ...input, opts: { ...input.opts, type } }, c) };
  };
  lazy(ctx, log.call, logs('call'));
  lazy(ctx, log.email, logs('email'));
  lazy(ctx, log.meeting, logs('meeting'));
  lazy(ctx, log.note, logs('note'));
  lazy(ctx, log.list, () => import('../commands/log/list.js'));
}

export function registerFollowup(program: CommandUnknownOpts, ctx: Context): void {
  const followup = followupSpec(program);
  lazy(ctx, followup.add, () => import('../commands/followup/add.js'));
  lazy(ctx, followup.list, () => import('../commands/followup/list.js'));
  lazy(ctx, followup.done, () => import('../commands/followup/done.js'));
  lazy(ctx, followup.snooze, () => import('../commands/followup/snooze.js'));
  lazy(ctx, followup.edit, () => import('../commands/followup/edit.js'));
  lazy(ctx, followup.rm, () => import('../commands/followup/rm.js'));
}

export function registerAgenda(program: CommandUnknownOpts, ctx: Context): void {
  lazy(ctx, agendaSpec(program), () => import('../commands/agenda/agenda.js'));
}

export function registerOrder(program: CommandUnknownOpts, ctx: Context): void {
  const order = orderSpec(program);
  lazy(ctx, order.add, () => import('../commands/order/add.js'));
  lazy(ctx, order.import, () => import('../commands/order/import.js'));
  lazy(ctx, order.list, () => import('../commands/order/list.js'));
}

export function registerDemo(program: CommandUnknownOpts, ctx: Context): void {
  lazy(ctx, demoSpec(program), () => import('../commands/demo/demo.js'));
}
