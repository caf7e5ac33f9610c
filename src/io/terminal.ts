import type { Readable, Writable } from 'node:stream';

export interface Streams {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean };
}

export type Env = Record<string, string | undefined>;

/** Colour level per product.md: NO_COLOR, --no-color, TERM=dumb and pipes turn it off; FORCE_COLOR wins. */
export function colorLevel(env: Env, isTTY: boolean, flag: boolean | undefined): 0 | 1 | 2 | 3 {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '0' && force !== 'false') {
    const n = Number(force);
    return n >= 1 && n <= 3 ? (n as 1 | 2 | 3) : 1;
  }
  if (flag === false || force === '0' || force === 'false') return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (env.TERM === 'dumb' || !isTTY) return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  return env.TERM?.includes('256') ? 2 : 1;
}

/**
 * Prompts need a person at both ends; scripts must never meet one. Prompts are drawn on stderr, so a redirected
 * stderr would hide them: that counts as no terminal too.
 */
export function canPrompt(streams: Streams, env: Env, inputFlag: boolean | undefined): boolean {
  if (inputFlag === false) return false;
  if (env.CRM_NO_INPUT !== undefined && env.CRM_NO_INPUT !== '' && env.CRM_NO_INPUT !== '0') return false;
  // stdout first: when it is a pipe or a file the answer is known without making Node's stdin and stderr streams.
  return Boolean(streams.stdout.isTTY && streams.stderr.isTTY && streams.stdin.isTTY);
}
