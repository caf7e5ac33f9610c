import type { Contact } from '../contact.js';
import { uidOf } from '../uid.js';
import type { Card } from './card.js';

/** A contact as a vCard: the fields product.md names; the manager with their UID, so a re-import links the same person. */
export function contactCard(c: Contact, manager: Contact | undefined): Card {
  return {
    uid: uidOf(c), kind: 'individual', name: c.name, company: c.company?.name ?? null, title: c.title,
    emails: c.emails, phones: c.phones, categories: c.tags, note: c.notes,
    manager: c.reportsTo ? { name: manager?.name ?? c.reportsTo.name, uid: manager ? uidOf(manager) : null } : null,
    role: c.role, externalId: c.externalId,
  };
}
