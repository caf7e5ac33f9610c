import { Chalk, type ChalkInstance } from 'chalk';

export interface Theme {
  header: (s: string) => string;
  dim: (s: string) => string;
  id: (s: string) => string;
  error: (s: string) => string;
  warn: (s: string) => string;
  ok: (s: string) => string;
  title: (s: string) => string;
}

export function theme(level: 0 | 1 | 2 | 3): Theme {
  const c: ChalkInstance = new Chalk({ level });
  return {
    header: (s) => c.bold(s),
    dim: (s) => c.dim(s),
    id: (s) => c.cyan(s),
    error: (s) => c.red.bold(s),
    warn: (s) => c.yellow(s),
    ok: (s) => c.green(s),
    title: (s) => c.bold.underline(s),
  };
}
