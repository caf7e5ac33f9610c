import { type Command, type CommandUnknownOpts, Option } from '@commander-js/extra-typings';
import { OUTPUT_FORMATS } from './output/format.js';

/**
 * The flags every command accepts (product.md: "anywhere"), declared once on the program. commander recognises
 * them wherever they stand in argv and keeps them on the root command: that parse is the only one.
 */
export const globalFlags = (program: Command) => program
  .option('--json', 'output JSON')
  .addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS))
  .option('-q, --quiet', 'print only ids')
  .option('--db <path>', 'database file (default: CRM_DB, config "db", ~/.local/share/crm/crm.db)')
  .option('--no-color', 'no colour')
  .option('--no-input', 'never prompt (scripts); same as CRM_NO_INPUT=1')
  .option('-y, --yes', 'answer yes to confirmations');

export type GlobalOptions = ReturnType<ReturnType<typeof globalFlags>['opts']>;

/**
 * The global flags as far as commander got parsing them: after a parse error too, since the root reads its
 * flags from the whole argv before any command's own. Partial, because before a parse nothing is known.
 */
export function globalOptions(cmd: CommandUnknownOpts): Partial<GlobalOptions> {
  let root = cmd;
  while (root.parent) root = root.parent;
  return root.opts() as Partial<GlobalOptions>;
}
