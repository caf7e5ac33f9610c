/** A word in single quotes, for bash and zsh. */
export const singleQuoted = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Shell code kept in a template literal writes `${` as `$\{`, which the template would otherwise interpolate. */
export const shellCode = (code: string) => code.replaceAll('$\\{', '${');
