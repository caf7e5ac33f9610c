import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { listsNoRecords } from '../hooks.js';
import type { InputOf } from '../input.js';

/** `crm team ...`: the roster; on a team server, its logins and roles. */
export function teamSpec(program: CommandUnknownOpts) {
  const team = program.command('team').description('who is on the team: names, roles (rep, manager, admin), logins on a team server')
    .hook('preAction', listsNoRecords);
  return {
    add: team.command('add').description('add someone in a role (on a team server: a login, password from standard input or a prompt)')
      .argument('<name>').option('--role <role>', 'rep (changes own records), manager (everyone\'s) or admin (also stages, quotas, settings, team)', 'rep')
      .option('--password-stdin', 'read the password from standard input (never give it on the command line)'),
    list: team.command('list').alias('ls').description('the team: everyone given a role, everyone who owns something, and you'),
    role: team.command('role').description('change someone\'s role').argument('<name>').argument('<role>', 'rep, manager or admin'),
    rm: team.command('rm').description('take someone off the team (on a server their login stops working; what they own stays theirs)')
      .argument('<name>'),
  };
}

type Spec = ReturnType<typeof teamSpec>;
export type TeamInput<Verb extends keyof Spec> = InputOf<Spec[Verb]>;
