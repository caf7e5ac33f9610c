import type { Context } from '../../context.js';
import { onRoster, parseRole } from '../../domain/team.js';
import { teamRoleSet, teamView } from '../../output/views/team.js';
import type { TeamInput } from './spec.js';

export async function run({ args: [name, role] }: TeamInput<'role'>, ctx: Context) {
  const r = parseRole(role, 'ROLE');
  await ctx.write(async (tx) => {
    onRoster(name, (await tx.team.roster(ctx.user)).map((m) => m.name), 'NAME');
    await tx.team.setRole(name, (await tx.team.member(name))?.role ?? null, r);
  });
  return teamView({ name, role: r, listed: true }, teamRoleSet(name, r));
}
