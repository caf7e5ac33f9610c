import { type Command, Option, type OptionValues } from '@commander-js/extra-typings';
import type { OptsOf } from './input.js';

// Flag groups that several commands declare alike. Each is generic in the command it extends, so the options it
// adds flow into that command's type; the readers of a group take the group's own inferred options.

/** A flag that may be given several times: --tag vip --tag partner. */
export const repeatable = <Flags extends string>(flags: Flags, description: string) =>
  new Option(flags, description).argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]);

export const listFlags = <A extends unknown[], O extends OptionValues, G extends OptionValues, const S extends readonly string[]>(
  cmd: Command<A, O, G>, sorts: S) => cmd
  .addOption(repeatable('--tag <tag>', 'only records with this tag (repeat: all must match)'))
  .addOption(new Option('--owner <user>', 'only records owned by this user'))
  .addOption(new Option('--mine', 'only records you own (see CRM_USER)'))
  .addOption(new Option('--search <text>', 'only records matching this text (names, emails, notes, ...)'))
  .addOption(new Option('--sort <field>', 'sort order').choices(sorts).default('name'))
  .addOption(new Option('--desc', 'reverse the sort order'))
  .addOption(new Option('--limit <n>', 'show at most n records'));

/** The fields companies and contacts share; only what the wallet estimates differs between them. */
export const recordFlags = <A extends unknown[], O extends OptionValues, G extends OptionValues>(cmd: Command<A, O, G>, wallet: string) => cmd
  .addOption(new Option('--wallet <amount>', wallet))
  .addOption(new Option('--currency <code>', 'currency of --wallet (default: config currency)'))
  .addOption(new Option('--owner <user>', 'owner (default: you)'))
  .addOption(new Option('--notes <text>', 'free-form notes'))
  .addOption(new Option('--external-id <id>', 'id in another system (matched by order import)'));

export const tagFlag = <A extends unknown[], O extends OptionValues, G extends OptionValues>(cmd: Command<A, O, G>) => cmd
  .addOption(repeatable('--tag <tag>', 'tag (repeatable)'));

export const tagEditFlags = <A extends unknown[], O extends OptionValues, G extends OptionValues>(cmd: Command<A, O, G>) => cmd
  .addOption(repeatable('--add-tag <tag>', 'add a tag (repeatable)'))
  .addOption(repeatable('--remove-tag <tag>', 'remove a tag (repeatable)'));

/** The records an activity or follow-up is about. */
export const linkFlags = <A extends unknown[], O extends OptionValues, G extends OptionValues>(cmd: Command<A, O, G>) => cmd
  .addOption(new Option('--contact <contact>', 'link a contact: id, name or email'))
  .addOption(new Option('--company <company>', 'link a company: id, name or domain'))
  .addOption(new Option('--deal <deal>', 'link a deal: id or title'));

type Group<G extends (cmd: Command) => Command<[], OptionValues, OptionValues>> = OptsOf<ReturnType<G>>;

export type RecordFlags = OptsOf<ReturnType<typeof recordFlags<[], {}, {}>>>;
/** Tags as add (--tag) and edit (--add-tag, --remove-tag) take them. */
export type TagFlags = Partial<Group<typeof tagFlag<[], {}, {}>> & Group<typeof tagEditFlags<[], {}, {}>>>;
export type LinkFlags = Group<typeof linkFlags<[], {}, {}>>;

/** Said by every command that can be refused for consent. */
export const CONSENT_HELP = `Consent: a contact marked do-not-contact or opted out is not called, mailed or scheduled. An outbound call
or email to them (one without --direction counts as outbound) and a follow-up with them (added, linked by edit
--contact, or the next of a series) exit 5, "not permitted". --override-consent writes it anyway, for a person who
asked to be contacted, and crm history of the activity or follow-up shows the override. Inbound calls and emails,
meetings and notes are never refused.
`;
