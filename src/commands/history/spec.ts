import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { listsNoRecords } from '../hooks.js';
import type { InputOf } from '../input.js';

/** `crm history`: its argument and help; the implementation is in this folder. */
export const historySpec = (program: CommandUnknownOpts) => program.command('history')
  .description('every change to a record: when, who, what changed')
  .argument('<ref>', 'id, name or email; qualify the kind if needed (contact:12)')
  .hook('preAction', listsNoRecords);

export type HistoryInput = InputOf<ReturnType<typeof historySpec>>;
