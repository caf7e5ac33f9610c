import type { Campaign, Member } from '../../domain/campaign.js';
import { notFound } from '../../errors.js';
import type { Repos } from '../../store/store.js';

/** The member of `c` a reference names: a contact or company (id, name, email, domain) that is one of its members. */
export async function resolveMember(repos: Repos, c: Campaign, members: readonly Member[], ref: string, field = 'MEMBER'): Promise<Member> {
  const t = ref.trim();
  const prefixed = /^(company|contact):(\d+)$/.exec(t);
  const target = prefixed ? { kind: prefixed[1] as Member['kind'], id: Number(prefixed[2]) } : await repos.refs.resolve(t, ['contact', 'company'], field);
  const m = members.find((x) => x.kind === target.kind && x.id === target.id);
  if (!m) throw notFound(`${field}: ${target.kind} #${target.id} is not a member of ${c.name}`, `see crm campaign members "${c.name}"`);
  return m;
}
