import { type Argument, type Command, Help, type Option } from 'commander';
import { TOPICS } from '../cli/topics.js';
import { NO_VALUES, type Values, VALUES_BY_COMMAND, VALUES_BY_NAME } from './values.js';

/** What completes after an option that takes a value. */
export interface OptionValue {
  /** The placeholder in the help, e.g. `user` for `--owner <user>`. */
  name: string;
  optional: boolean;
  values: Values;
}

export interface OptionSpec {
  /** Short and long forms, e.g. ['-q', '--quiet']. */
  flags: string[];
  description: string;
  /** Absent for a flag without a value. */
  value?: OptionValue;
  repeatable: boolean;
}

/** A positional argument; required or optional, it completes the same (commander assigns them by position). */
export interface ArgSpec {
  name: string;
  variadic: boolean;
  values: Values;
}

export interface CommandSpec {
  name: string;
  aliases: string[];
  description: string;
  options: OptionSpec[];
  args: ArgSpec[];
  commands: CommandSpec[];
}

export interface CompletionSpec {
  /** The root's own options are only --version and --help; the rest are in `global`. */
  root: CommandSpec;
  /** The options every command accepts (--json, --db, ...). */
  global: OptionSpec[];
}

const help = new Help();
const ROOT_ONLY = new Set(['--version', '--help']);

/** The completion-relevant shape of a commander program: no I/O, the same tree gives the same spec. */
export function buildSpec(program: Command): CompletionSpec {
  const root = commandSpec(program, [], true);
  const isRootOnly = (o: OptionSpec) => o.flags.some((f) => ROOT_ONLY.has(f));
  return { root: { ...root, options: root.options.filter(isRootOnly) }, global: root.options.filter((o) => !isRootOnly(o)) };
}

/** Every command with the words that lead to it (the root's are []), parents before children. */
export function allCommands(spec: CompletionSpec): { path: string[]; command: CommandSpec }[] {
  const out: { path: string[]; command: CommandSpec }[] = [];
  const visit = (command: CommandSpec, path: string[]) => {
    out.push({ path, command });
    for (const c of command.commands) visit(c, [...path, c.name]);
  };
  visit(spec.root, []);
  return out;
}

/** How a value is looked up: an option by its long (else short) flag, an argument as `<name>`. */
export const optionKey = (o: OptionSpec) => o.flags.at(-1)!;
export const argKey = (a: ArgSpec) => `<${a.name}>`;

/** `helpTargets`: what the `help` beside this command names: its sibling commands, and at the top the topics. */
function commandSpec(cmd: Command, helpTargets: readonly string[], isRoot = false): CommandSpec {
  const subs = help.visibleCommands(cmd);
  const names = subs.map((c) => c.name()).filter((n) => n !== 'help');
  const targets = isRoot ? [...names, ...Object.keys(TOPICS)] : names;
  return {
    name: cmd.name(),
    aliases: cmd.aliases(),
    description: cmd.description(),
    options: help.visibleOptions(cmd).map((o) => optionSpec(o, pathOf(cmd))),
    args: cmd.registeredArguments.map((a) => argSpec(a, pathOf(cmd), cmd.name() === 'help' ? helpTargets : undefined)),
    commands: subs.map((c) => commandSpec(c, targets)),
  };
}

/** The words that lead to a command, e.g. "deal move" (the program's own name left out). */
function pathOf(cmd: Command): string {
  const words: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) words.unshift(c.name());
  return words.join(' ');
}

/** What a value completes to: this command's own rule, else the rule for its name. */
const valuesOf = (path: string, key: string): Values | undefined => VALUES_BY_COMMAND[`${path} ${key}`] ?? VALUES_BY_NAME[key];

function optionSpec(o: Option, path: string): OptionSpec {
  const flags = [o.short, o.long].filter((f): f is string => Boolean(f));
  const takesValue = o.required || o.optional;
  const spec: OptionSpec = { flags, description: o.description, repeatable: collects(o) };
  if (takesValue) {
    const values: Values = o.argChoices ? { type: 'choices', choices: o.argChoices }
      : (o.long && valuesOf(path, o.long)) || NO_VALUES;
    spec.value = { name: /[<[]([^>\]]+)[>\]]/.exec(o.flags)?.[1] ?? 'value', optional: o.optional, values };
  }
  return spec;
}

/** Whether every use of the option counts (--tag a --tag b): its parser adds to the previous value. */
function collects(o: Option): boolean {
  if (o.variadic) return true;
  if (!o.parseArg || o.argChoices) return false;
  try {
    const both = o.parseArg('b', ['a']);
    return Array.isArray(both) && both.length === 2;
  } catch {
    return false;
  }
}

function argSpec(a: Argument, path: string, helpTargets: readonly string[] | undefined): ArgSpec {
  const values: Values = a.argChoices ? { type: 'choices', choices: a.argChoices }
    : helpTargets ? { type: 'choices', choices: helpTargets }
    : valuesOf(path, `<${a.name()}>`) ?? NO_VALUES;
  return { name: a.name(), variadic: a.variadic, values };
}
