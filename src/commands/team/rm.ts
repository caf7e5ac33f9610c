import type { Context } from '../../context.js';
import { onRoster, type TeamRole } from '../../domain/team.js';
import { notFound } from '../../errors.js';
import { teamRemoved, teamView } from '../../output/views/team.js';
import type { TeamInput } from './spec.js';

export async function run({ args: [name] }: TeamInput<'rm'>, ctx: Context) {
  await (await ctx.prompter()).confirm(`Take ${name} off the team?`, `take ${name} off the team`);
  let role: TeamRole | null = null;
  await ctx.write(async (tx) => {
    const member = await tx.team.member(name);
    if (!member) {
      onRoster(name, (await tx.team.roster(ctx.user)).map((m) => m.name), 'NAME');
      throw notFound(`${name} owns records but was never added to the team`, 'reassign what they own with --owner, or leave them on the roster');
    }
    role = member.role;
    await tx.team.remove(name, member.role);
  });
  return teamView({ name, role, listed: false }, teamRemoved(name));
}
