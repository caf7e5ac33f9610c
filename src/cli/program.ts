import { Command as TypedCommand, type CommandUnknownOpts } from '@commander-js/extra-typings';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { globalFlags, globalOptions } from '../global-flags.js';
import { TOPIC_NAMES } from './topic-names.js';

declare const __CRM_VERSION__: string;
export const VERSION = typeof __CRM_VERSION__ === 'string' ? __CRM_VERSION__ : '0.0.0-dev';

/** Root flags that take a value, to tell their values from command words. */
const VALUED = new Set(['--db', '--format']);

/**
 * Whether a --version in argv is crm's own: one before any command word (`crm --version`). After a command it is
 * that command's flag (`crm export vcard --version 4.0`), which commander would otherwise give the root, wherever
 * it stands, as it does every root flag.
 */
function topVersion(argv: readonly string[]): boolean {
  let command = false;
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--version' || a.startsWith('--version=')) return !command;
    if (VALUED.has(a)) i += 1;
    else if (!a.startsWith('-')) command = true;
  }
  return true;
}

type Register = (program: CommandUnknownOpts, ctx: Context) => void;

/**
 * Every top-level noun, in the order of `crm --help`, with the module that registers it, loaded on demand: a
 * command line naming one noun builds the program with that noun alone and loads no other noun's spec.
 */
const NOUNS: ReadonlyArray<readonly [string, () => Promise<Register>]> = [
  ['company', async () => (await import('./company.js')).registerCompany],
  ['contact', async () => (await import('./contact.js')).registerContact],
  ['stage', async () => (await import('./pipeline.js')).registerStage],
  ['deal', async () => (await import('./pipeline.js')).registerDeal],
  ['log', async () => (await import('./pipeline.js')).registerLog],
  ['followup', async () => (await import('./pipeline.js')).registerFollowup],
  ['agenda', async () => (await import('./pipeline.js')).registerAgenda],
  ['order', async () => (await import('./pipeline.js')).registerOrder],
  ['quota', async () => (await import('./reports.js')).registerQuota],
  ['product', async () => (await import('./act.js')).registerProduct],
  ['campaign', async () => (await import('./act.js')).registerCampaign],
  ['next', async () => (await import('./act.js')).registerNext],
  ['team', async () => (await import('./misc.js')).registerTeam],
  ['report', async () => (await import('./reports.js')).registerReport],
  ['search', async () => (await import('./misc.js')).registerSearch],
  ['history', async () => (await import('./misc.js')).registerHistory],
  ['undo', async () => (await import('./misc.js')).registerUndo],
  ['db', async () => (await import('./misc.js')).registerDb],
  ['config', async () => (await import('./misc.js')).registerConfig],
  ['demo', async () => (await import('./pipeline.js')).registerDemo],
  ['import', async () => (await import('./exchange.js')).registerImport],
  ['export', async () => (await import('./exchange.js')).registerExport],
];

/** Root flags that take no value: they may stand before the noun of a command line built with that noun alone. */
const SWITCHES = new Set(['--json', '-q', '--quiet', '--no-color', '--no-input', '-y', '--yes']);

/**
 * The noun a command line runs (`contact` in `crm --db X contact add Ann`), when nothing but global flags stands
 * before it; undefined for everything that needs the whole tree: help, completion, --version, a typo (commander's
 * "did you mean" looks at every command), an unknown flag.
 */
export function invokedNoun(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i]!;
    if (VALUED.has(a)) i += 1;
    else if (a.startsWith('--db=') || a.startsWith('--format=') || SWITCHES.has(a)) continue;
    else if (a.startsWith('-')) return undefined;
    else return NOUNS.some(([noun]) => noun === a) ? a : undefined;
  }
  return undefined;
}

/**
 * The command tree as specs; implementations load on demand. When argv names a noun (see invokedNoun) the tree
 * holds that noun alone: its help, errors and run are those of the whole tree, which `crm --help`, `crm help`,
 * completion and every other command line get.
 */
export async function buildProgram(ctx: Context): Promise<Command> {
  const noun = invokedNoun(ctx.argv);
  const registers = await Promise.all(NOUNS.filter(([n]) => noun === undefined || n === noun).map(([, load]) => load()));
  const program = globalFlags(new TypedCommand('crm')
    .description('A command-line CRM for small sales teams.')
    .version(VERSION, topVersion(ctx.argv) ? '-V, --version' : '-V'))
    .helpCommand(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.streams.stdout.write(s),
      writeErr: (s) => ctx.streams.stderr.write(s),
      outputError: () => {}, // errors are reported once, by main's catch, in the contract's format
    })
    .showSuggestionAfterError(true)
    .addHelpText('after', `\nHelp topics: ${TOPIC_NAMES.join(', ')} (crm help TOPIC)`);
  // The typed and the plain commander Command are one class at run time; the plain type is what the help, the
  // completion walker and main's error reporting take.
  const tree = program as unknown as Command;
  ctx.readGlobalsFrom(() => globalOptions(program));

  for (const register of registers) register(program, ctx);
  if (noun !== undefined) return tree;
  const { registerCompletion } = await import('./completion.js');
  registerCompletion(program, tree, ctx);

  program.command('help').description('help for a command, or a topic: ' + TOPIC_NAMES.join(', '))
    .argument('[words...]', 'a command (e.g. contact add) or a topic')
    .action(async (words) => {
      const { showHelp } = await import('./help.js');
      showHelp(tree, words, ctx);
    });
  return tree;
}
