import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import type { InputOf } from '../input.js';

/** `crm undo`: its argument, flags and help; the implementation is in this folder. */
export const undoSpec = (program: CommandUnknownOpts) => program.command('undo')
  .description('revert your last change (a whole command), or change set ID; --list shows the recent ones')
  .argument('[id]', 'the change set to revert (see --list); default: your latest')
  .option('--list', 'list the recent change sets instead of reverting one')
  .option('--limit <n>', 'with --list: at most n change sets (default 20)')
  .addHelpText('after', `
An undo is itself a change set: undo it to redo. A change set that a later one also changed cannot be undone
(exit 4, naming the later one): undo that first. A deleted record comes back with its id, UUID, links and history.
Examples:
  crm undo --list
  crm undo
  crm undo 42`);

export type UndoInput = InputOf<ReturnType<typeof undoSpec>>;
