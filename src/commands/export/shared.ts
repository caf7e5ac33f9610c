import type { Context } from '../../context.js';
import { usageError } from '../../errors.js';
import { writeAtomically } from '../../io/atomic.js';
import { document, type Output } from '../../output/view.js';

/** Who wrote a vCard or iCalendar file (PRODID). */
export const PRODID = '-//crm//crm//EN';

/**
 * A file an export made: to stdout as it is (its format is the file's: --json and --format do not apply), or to
 * --output atomically, which answers with what was written (`summary`, shown by `view`, in any format).
 */
export async function deliver(text: string, output: string | undefined, ctx: Context, what: { command: string; done: string },
  summary: (bytes: number) => Output): Promise<Output> {
  if (output === undefined) {
    if (ctx.global.json || ctx.global.format) {
      throw usageError(`${what.command} writes its file to stdout, not ${ctx.global.json ? 'JSON' : ctx.global.format}`,
        'leave out --json and --format, or pass --output FILE to get a summary in that format');
    }
    return document(text, what.done);
  }
  return summary(await writeAtomically(output, text, '--output'));
}
