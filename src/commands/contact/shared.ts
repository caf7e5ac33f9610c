import type { Context } from '../../context.js';
import { BUYING_ROLES, CONSENTS, type Contact, type ContactFields, LIFECYCLES } from '../../domain/contact.js';
import { check, checkAll, choice, email, name, phone, unique } from '../../domain/fields.js';
import { reportingLoop } from '../../domain/orgchart.js';
import { CrmError, invalid, usageError } from '../../errors.js';
import type { Repos } from '../../store/store.js';
import { ownerOf, tags, text, wallet } from '../fields.js';
import type { ContactFlags } from './spec.js';

const role = choice(BUYING_ROLES, 'buying role');
const lifecycle = choice(LIFECYCLES, 'lifecycle stage');
const consent = choice(CONSENTS, 'consent state');

/** Adds and removes items of a list field; removing one that is not there is an error, not a silent no-op. */
function editList(base: string[], add: string[], remove: string[], field: string): string[] {
  for (const r of remove) {
    if (!base.includes(r)) throw invalid(field, `"${r}" is not on this contact`, `it has: ${base.join(', ') || 'none'}`);
  }
  return unique([...base, ...add]).filter((x) => !remove.includes(x));
}

async function companyId(opts: ContactFlags, repos: Repos, base?: Contact): Promise<number | null> {
  if (opts.company === false || opts.company?.trim() === '') return null;
  if (opts.company === undefined) return base?.companyId ?? null;
  return (await repos.refs.resolve(opts.company, ['company'], '--company')).id;
}

async function reportsToId(opts: ContactFlags, repos: Repos, base?: Contact): Promise<number | null> {
  if (opts.reportsTo === false || opts.reportsTo?.trim() === '') return null;
  if (opts.reportsTo === undefined) return base?.reportsToId ?? null;
  const manager = await repos.refs.resolve(opts.reportsTo, ['contact'], '--reports-to');
  if (base && manager.id === base.id) {
    throw invalid('--reports-to', `${base.name} cannot report to themselves`, 'name their manager, or pass --no-reports-to');
  }
  if (base) {
    const loop = reportingLoop(base.id, await repos.contacts.managerChain(manager.id));
    if (loop.length) {
      throw invalid('--reports-to', `"${opts.reportsTo}" would make a loop: ${manager.name} already reports, directly or through others, to ${base.name}`,
        `choose a manager outside ${base.name}'s reporting line, or first change whom ${manager.name} reports to`);
    }
  }
  return manager.id;
}

/** Contact fields from flags: everything for add (no `base`), the changes on top of `base` for edit. */
export async function contactFields(opts: ContactFlags, ctx: Context, repos: Repos, currency: string, base?: Contact): Promise<ContactFields> {
  if (opts.doNotContact && opts.allowContact) {
    throw usageError('--do-not-contact and --allow-contact contradict each other', 'pass one of them');
  }
  const emails = editList(base?.emails ?? [],
    checkAll(email, [...(opts.email ?? []), ...(opts.addEmail ?? [])], opts.email ? '--email' : '--add-email'),
    checkAll(email, opts.removeEmail, '--remove-email'), '--remove-email');
  const phones = editList(base?.phones ?? [],
    checkAll(phone, [...(opts.phone ?? []), ...(opts.addPhone ?? [])], opts.phone ? '--phone' : '--add-phone'),
    checkAll(phone, opts.removePhone, '--remove-phone'), '--remove-phone');
  return {
    name: opts.name === undefined ? base!.name : check(name, opts.name, base ? '--name' : 'name'),
    emails,
    phones,
    title: text(opts.title, base?.title),
    companyId: await companyId(opts, repos, base),
    role: opts.role === undefined ? (base?.role ?? null) : opts.role.trim() === '' ? null : check(role, opts.role, '--role'),
    reportsToId: await reportsToId(opts, repos, base),
    source: text(opts.source, base?.source),
    lifecycle: opts.lifecycle === undefined ? (base?.lifecycle ?? 'lead') : check(lifecycle, opts.lifecycle, '--lifecycle'),
    consent: opts.consent === undefined ? (base?.consent ?? 'unknown') : check(consent, opts.consent, '--consent'),
    doNotContact: opts.doNotContact ? true : opts.allowContact ? false : (base?.doNotContact ?? false),
    wallet: wallet(opts, currency, base?.wallet ?? null),
    owner: ownerOf(opts, ctx, base?.owner),
    notes: text(opts.notes, base?.notes),
    externalId: text(opts.externalId, base?.externalId),
    tags: tags(opts, base?.tags ?? []),
  };
}

/** An email of a person who was erased (crm contact forget) is not taken back in without --allow-forgotten (exit 5). */
export async function refuseForgotten(repos: Repos, emails: readonly string[], field: string): Promise<void> {
  for (const email of emails) {
    if (await repos.forget.isSuppressed(email)) {
      throw new CrmError('not_permitted', `${field}: ${email} belonged to a person who was erased (crm contact forget)`,
        'pass --allow-forgotten if they asked to be added again', { field });
    }
  }
}
