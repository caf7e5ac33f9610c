import type { Context } from '../../context.js';
import { writeCard } from '../../domain/vcard/card.js';
import { contactCard } from '../../domain/vcard/contact.js';
import { exportedCards, vcardExportView } from '../../output/views/vcard.js';
import { deliver, PRODID } from './shared.js';
import type { ExportInput } from './spec.js';

/** Every contact as a vCard, by name; written at once, so a file subscribed to is replaced whole. */
export async function run({ opts }: ExportInput<'vcard'>, ctx: Context) {
  const store = await ctx.store();
  const contacts = await store.contacts.list({ sort: 'name' });
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const text = contacts.map((c) => writeCard(contactCard(c, c.reportsToId === null ? undefined : byId.get(c.reportsToId)),
    { version: opts.version, revised: c.updatedAt, prodid: PRODID })).join('');
  const done = exportedCards(contacts.length, opts.version, opts.output ?? null);
  return deliver(text, opts.output, ctx, { command: 'crm export vcard', done },
    (bytes) => vcardExportView({ file: opts.output!, version: opts.version, contacts: contacts.length, bytes }, done));
}
