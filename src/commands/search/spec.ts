import { type CommandUnknownOpts, Option } from '@commander-js/extra-typings';
import { SEARCH_KINDS } from '../../domain/reference.js';
import type { InputOf } from '../input.js';

/** `crm search`: its arguments, flags and help; the implementation is in this folder. */
export const searchSpec = (program: CommandUnknownOpts) => program.command('search')
  .description('full-text search over companies, contacts, deals and activities')
  .argument('<text...>', 'words to find; each matches the start of a word')
  .addOption(new Option('--kind <kind>', 'only this kind of record').choices(SEARCH_KINDS))
  .option('--limit <n>', 'at most n results', '20');

export type SearchInput = InputOf<ReturnType<typeof searchSpec>>;
