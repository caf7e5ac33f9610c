import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { listsNoRecords } from '../hooks.js';
import type { InputOf } from '../input.js';

/** `crm demo`: its flags and help; the implementation is in this folder. */
export const demoSpec = (program: CommandUnknownOpts) => program.command('demo')
  .description('build a realistic demo database (separate from yours unless --db is given)')
  .option('--scale <contacts>', 'contacts to create (orders: 10 per contact); up to 100000', '')
  .option('--seed <n>', 'random seed (same seed, same data)', '1')
  .option('--force', 'replace the database even if it holds data the demo did not write')
  .hook('preAction', listsNoRecords);

export type DemoInput = InputOf<ReturnType<typeof demoSpec>>;
