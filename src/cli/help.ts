import type { Command } from 'commander';
import type { Context } from '../context.js';
import { usageError } from '../errors.js';
import { TOPICS as NAMED } from './topics.js';

const TOPICS: Record<string, (typeof NAMED)[keyof typeof NAMED] | undefined> = NAMED;

export function showHelp(program: Command, words: string[], ctx: Context): void {
  if (words.length === 0) {
    program.outputHelp();
    return;
  }
  const topic = TOPICS[words.join('-')] ?? TOPICS[`report-${words.join('-')}`];
  if (topic) {
    ctx.streams.stdout.write(`${topic.text}\n`);
    return;
  }
  let cmd: Command | undefined = program;
  for (const w of words) cmd = cmd?.commands.find((c) => c.name() === w || c.aliases().includes(w));
  if (!cmd) {
    throw usageError(`no command or help topic "${words.join(' ')}"`,
      `run 'crm help' for commands; topics: ${Object.keys(TOPICS).join(', ')}`);
  }
  cmd.outputHelp();
}
