import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { contactSpec } from '../commands/contact/spec.js';
import type { Context } from '../context.js';
import { lazy } from './action.js';

export function registerContact(program: CommandUnknownOpts, ctx: Context): void {
  const contact = contactSpec(program);
  lazy(ctx, contact.add, () => import('../commands/contact/add.js'));
  lazy(ctx, contact.list, () => import('../commands/contact/list.js'));
  lazy(ctx, contact.show, () => import('../commands/contact/show.js'));
  lazy(ctx, contact.edit, () => import('../commands/contact/edit.js'));
  lazy(ctx, contact.rm, () => import('../commands/contact/rm.js'));
  lazy(ctx, contact.merge, () => import('../commands/contact/merge.js'));
  lazy(ctx, contact.forget, () => import('../commands/contact/forget.js'));
  lazy(ctx, contact.export, () => import('../commands/contact/export.js'));
  lazy(ctx, contact.dupes, () => import('../commands/contact/dupes.js'));
}
