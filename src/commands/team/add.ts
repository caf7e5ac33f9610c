import type { Context } from '../../context.js';
import { check, owner } from '../../domain/fields.js';
import { parseRole } from '../../domain/team.js';
import { conflict, usageError } from '../../errors.js';
import { teamAdded, teamView } from '../../output/views/team.js';
import type { TeamInput } from './spec.js';

export async function run({ args: [who], opts }: TeamInput<'add'>, ctx: Context) {
  const name = check(owner, who, 'NAME');
  const role = parseRole(opts.role, '--role');
  const server = ctx.dbLocation.url !== undefined;
  let password: string | undefined;
  if (server) {
    if (opts.passwordStdin) password = (await readText(ctx.streams.stdin)).replace(/\r?\n$/, '');
    else if (ctx.interactive) password = await (await ctx.prompter()).secret(`password for ${name}`);
    else throw usageError(`a login for ${name} needs a password`, 'pass --password-stdin and the password on standard input, or run on a terminal to be asked');
    if (!password) throw usageError('the password is empty', 'give a password on standard input (--password-stdin) or at the prompt');
  } else if (opts.passwordStdin) {
    throw usageError('--password-stdin: a SQLite database has no logins', 'leave it out; passwords belong to a team server (--db postgres://...)');
  }
  await ctx.write(async (tx) => {
    if (await tx.team.member(name)) throw conflict(`${name} is already on the team`, `change the role with crm team role ${name} ROLE`);
    await tx.team.add(name, role, password);
  });
  return teamView({ name, role, listed: true }, teamAdded(name, role, server));
}

async function readText(stream: AsyncIterable<Buffer | string>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c));
  return Buffer.concat(chunks).toString('utf8');
}
