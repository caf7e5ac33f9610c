// cli-table3 measures cells with this (ANSI codes stripped, widest line by string-width); no typings ship for it.
declare module 'cli-table3/src/utils.js' {
  export function strlen(text: string): number;
}
