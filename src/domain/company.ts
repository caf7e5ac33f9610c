import { type Stamps, stampsJson, type Wallet, walletJson, type Page } from './record.js';

export interface CompanyFields {
  name: string;
  domain: string | null;
  industry: string | null;
  size: number | null;
  address: string | null;
  /** Estimated yearly spend in our category: the base of share-of-wallet (analytics.md). */
  wallet: Wallet | null;
  owner: string;
  notes: string | null;
  externalId: string | null;
  tags: string[];
}

export interface Company extends CompanyFields, Stamps {
  id: number;
}

export const COMPANY_SORTS = ['name', 'id', 'created', 'updated'] as const;
export type CompanySort = (typeof COMPANY_SORTS)[number];

export interface CompanyFilter {
  /** Instead of the sort and limit: one page in id order (exports). */
  page?: Page;
  tags?: string[];
  owner?: string;
  industry?: string;
  search?: string;
  sort?: CompanySort;
  desc?: boolean;
  limit?: number;
}

/** The stable JSON shape of a company (interface contract: camelCase, money in major units beside currency). */
export function companyJson(c: Company) {
  return {
    id: c.id,
    name: c.name,
    domain: c.domain,
    industry: c.industry,
    size: c.size,
    address: c.address,
    ...walletJson(c.wallet),
    tags: c.tags,
    owner: c.owner,
    notes: c.notes,
    externalId: c.externalId,
    ...stampsJson(c),
  };
}
export type CompanyJson = ReturnType<typeof companyJson>;
