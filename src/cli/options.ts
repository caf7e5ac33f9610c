import { Option } from 'commander';

/** A flag that may be given several times: --tag vip --tag partner. */
export const repeatable = (flags: string, description: string) =>
  new Option(flags, description).argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]);

export const listFlags = (sorts: readonly string[]) => [
  repeatable('--tag <tag>', 'only records with this tag (repeat: all must match)'),
  new Option('--owner <user>', 'only records owned by this user'),
  new Option('--mine', 'only records you own (see CRM_USER)'),
  new Option('--search <text>', 'only records matching this text (names, emails, notes, ...)'),
  new Option('--sort <field>', 'sort order').choices(sorts).default('name'),
  new Option('--desc', 'reverse the sort order'),
  new Option('--limit <n>', 'show at most n records'),
];
