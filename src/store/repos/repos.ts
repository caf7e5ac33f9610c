import type { Kysely } from 'kysely';
import type { CustomerNames } from '../customer-names.js';
import type { CustomerValues } from '../customer-value.js';
import type { OrderImport } from '../order-import.js';
import type { DB } from '../schema.js';
import type { Search } from '../search.js';
import type { Repos } from '../store.js';
import { Activities } from './activities.js';
import { Companies } from './companies.js';
import { Contacts } from './contacts.js';
import { Deals } from './deals.js';
import type { EngineSql } from './engine.js';
import { Followups } from './followups.js';
import { historyOf, type Journal, lastJournaledName } from './journal.js';
import { Orders } from './orders.js';
import { Owned } from './owned.js';
import { Campaigns } from './campaigns.js';
import { Products } from './products.js';
import { Quotas } from './quotas.js';
import { References } from './references.js';
import { ReportData } from './report-data.js';
import type { Session } from './repository.js';
import { Settings } from './settings.js';
import { Stages } from './stages.js';
import { Team } from './team.js';
import { Transfer } from './transfer.js';
import { Undo } from './undo.js';
import { Forget } from './forget.js';

/**
 * The repositories over one connection, written once in Kysely for every engine; an engine adds its fast paths
 * (customer-value scans, order import) and its own SQL where Kysely cannot say it for both (EngineSql).
 */
export abstract class KyselyRepos implements Repos {
  readonly companies: Companies;
  readonly contacts: Contacts;
  readonly refs: References;
  readonly stages: Stages;
  readonly deals: Deals;
  readonly activities: Activities;
  readonly followups: Followups;
  readonly orders: Orders;
  readonly owned: Owned;
  readonly quotas: Quotas;
  readonly products: Products;
  readonly campaigns: Campaigns;
  readonly reports: ReportData;
  readonly team: Team;
  readonly settings: Settings;
  readonly search: Search;
  readonly transfer: Transfer;
  readonly undo: Undo;
  readonly forget: Forget;
  abstract readonly customerValue: CustomerValues;
  abstract readonly customerNames: CustomerNames;

  constructor(protected readonly db: Kysely<DB>, engine: EngineSql, readonly journal?: Journal) {
    // The repositories reach each other through `linked` only when they write, by which time every one is here.
    const session: Session = { db, engine, journal, linked: this };
    this.search = engine.search;
    this.companies = new Companies(session);
    this.contacts = new Contacts(session);
    this.refs = new References(session);
    this.stages = new Stages(session);
    this.deals = new Deals(session);
    this.activities = new Activities(session);
    this.followups = new Followups(session);
    this.orders = new Orders(session);
    this.owned = new Owned(session);
    this.quotas = new Quotas(session);
    this.products = new Products(session);
    this.campaigns = new Campaigns(session);
    this.reports = new ReportData(session);
    this.team = new Team(session);
    this.settings = new Settings(session);
    this.transfer = new Transfer(session);
    this.undo = new Undo(session, this.companies);
    this.forget = new Forget(session);
  }

  abstract importOrders(): Promise<OrderImport>;

  history(entity: string, id: number) {
    return historyOf(this.db, entity, id);
  }

  lastName(entity: string, id: number) {
    return lastJournaledName(this.db, entity, id);
  }
}
