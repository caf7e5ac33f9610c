import { Repository } from './repository.js';

/** The ids of the customers one person owns: companies, and people (with a company or without). */
export interface OwnedIds {
  companies: number[];
  contacts: number[];
}

/**
 * Whose customers are whose, as ids alone: crm next asks only whether a customer is the user's, and reading the
 * records themselves (a third of 100,000 people, with their emails, phones and tags) was most of its memory.
 */
export class Owned extends Repository {
  async ids(owner: string): Promise<OwnedIds> {
    const [companies, contacts] = await Promise.all([
      this.db.selectFrom('company').select('id').where('owner', '=', owner).execute(),
      this.db.selectFrom('contact').select('id').where('owner', '=', owner).execute(),
    ]);
    return { companies: companies.map((r) => Number(r.id)), contacts: contacts.map((r) => Number(r.id)) };
  }
}
