import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { configSpec } from '../commands/config/spec.js';
import { dbSpec } from '../commands/db/spec.js';
import { historySpec } from '../commands/history/spec.js';
import { undoSpec } from '../commands/undo/spec.js';
import { searchSpec } from '../commands/search/spec.js';
import { teamSpec } from '../commands/team/spec.js';
import type { Context } from '../context.js';
import { lazy } from './action.js';

export function registerDb(program: CommandUnknownOpts, ctx: Context): void {
  const db = dbSpec(program);
  lazy(ctx, db.path, () => import('../commands/db/path.js'));
  lazy(ctx, db.check, () => import('../commands/db/check.js'));
  lazy(ctx, db.backup, () => import('../commands/db/backup.js'));
  lazy(ctx, db.migrate, () => import('../commands/db/migrate.js'));
  lazy(ctx, db.restore, () => import('../commands/db/restore.js'));
  lazy(ctx, db.copy, () => import('../commands/db/copy.js'));
}

export function registerConfig(program: CommandUnknownOpts, ctx: Context): void {
  const config = configSpec(program);
  lazy(ctx, config.get, () => import('../commands/config/get.js'));
  lazy(ctx, config.set, () => import('../commands/config/set.js'));
  lazy(ctx, config.unset, () => import('../commands/config/unset.js'));
  lazy(ctx, config.list, () => import('../commands/config/list.js'));
  lazy(ctx, config.path, () => import('../commands/config/path.js'));
}

export function registerSearch(program: CommandUnknownOpts, ctx: Context): void {
  lazy(ctx, searchSpec(program), () => import('../commands/search/search.js'));
}

export function registerHistory(program: CommandUnknownOpts, ctx: Context): void {
  lazy(ctx, historySpec(program), () => import('../commands/history/history.js'));
}

export function registerUndo(program: CommandUnknownOpts, ctx: Context): void {
  lazy(ctx, undoSpec(program), () => import('../commands/undo/undo.js'));
}

export function registerTeam(program: CommandUnknownOpts, ctx: Context): void {
  const team = teamSpec(program);
  lazy(ctx, team.add, () => import('../commands/team/add.js'));
  lazy(ctx, team.list, () => import('../commands/team/list.js'));
  lazy(ctx, team.role, () => import('../commands/team/role.js'));
  lazy(ctx, team.rm, () => import('../commands/team/rm.js'));
}
