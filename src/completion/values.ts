import { CONFIG_KEYS } from '../domain/config.js';
import { TEAM_ROLES } from '../domain/team.js';
import { BUYING_ROLES, CONSENTS, LIFECYCLES } from '../domain/contact.js';
import { FORECAST_CATEGORIES } from '../domain/stage.js';
import type { LiveKind } from './live-kinds.js';

// Tab on a live value loads only these, not the tables of choices below.
export { isLiveKind, LIVE_KINDS, type LiveKind, RECORDS_OF } from './live-kinds.js';

/** What the value of an option or positional argument completes to. */
export type Values =
  | { type: 'none' }
  | { type: 'choices'; choices: readonly string[] }
  | { type: 'live'; kind: LiveKind }
  | { type: 'files' };

export const NO_VALUES: Values = { type: 'none' };
const live = (kind: LiveKind): Values => ({ type: 'live', kind });
const choices = (list: readonly string[]): Values => ({ type: 'choices', choices: list });
const FILES: Values = { type: 'files' };

/**
 * The one table of which argument (`<deal>`) or option (`--deal`) takes which values, keyed by name so that it holds
 * whether an argument is required or optional. Options with commander `.choices()` need no entry: their choices win.
 */
export const VALUES_BY_NAME: Readonly<Record<string, Values>> = {
  '<deal>': live('deal'), '--deal': live('deal'),
  '<contact>': live('contact'), '<keep>': live('contact'), '<dup>': live('contact'),
  '--contact': live('contact'), '--reports-to': live('contact'),
  '<company>': live('company'), '--company': live('company'),
  '<stage>': live('stage'), '--stage': live('stage'), '--move-to': live('stage'),
  '<ref>': live('ref'),
  '<customer>': live('customer'), '--customer': live('customer'),
  // A campaign's member is a contact or a company, named as a customer is.
  '<member>': live('customer'), '<members>': live('customer'),
  '<followup>': live('followup'),
  '--tag': live('tag'), '--add-tag': live('tag'), '--remove-tag': live('tag'),
  '<owner>': live('owner'), '--owner': live('owner'),
  '--reason': live('reason'),
  '<key>': choices(Object.keys(CONFIG_KEYS)),
  '--role': choices(BUYING_ROLES),
  '--lifecycle': choices(LIFECYCLES),
  '--consent': choices(CONSENTS),
  '--category': choices(FORECAST_CATEGORIES),
  // The team's segment map (crm config set segments), as slugs: `report rfm` compares names by their letters only.
  '--segment': live('segment'),
  '<file>': FILES, '--db': FILES,
};

/**
 * Where one command takes fewer values than its argument's name says, keyed by command path and name: a deal
 * starts in, moves to and reopens in open stages only.
 */
export const VALUES_BY_COMMAND: Readonly<Record<string, Values>> = {
  'deal add --stage': live('open-stage'), 'deal move <stage>': live('open-stage'), 'deal reopen --stage': live('open-stage'),
  // The team's roles, and the people on it (the roster holds everyone who owns something).
  'team add --role': choices(TEAM_ROLES), 'team role <role>': choices(TEAM_ROLES),
  'team role <name>': live('owner'), 'team rm <name>': live('owner'),
  'db copy --to': FILES, 'db copy --from': FILES,
};
