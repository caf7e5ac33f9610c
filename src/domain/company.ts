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

/**
 * What KEEP looks like after absorbing DUP (crm company merge): KEEP's name, owner and values win, DUP fills KEEP's
 * empty fields, tags are united and notes kept from both, as contact merge does (mergeContactFields). A wallet is
 * taken whole, never summed: two estimates of one customer's spend are not twice the spend.
 */
export function mergeCompanyFields(keep: Company, dup: Company): CompanyFields {
  const either = <T>(a: T | null, b: T | null) => a ?? b;
  return {
    name: keep.name,
    domain: either(keep.domain, dup.domain),
    industry: either(keep.industry, dup.industry),
    size: either(keep.size, dup.size),
    address: either(keep.address, dup.address),
    wallet: either(keep.wallet, dup.wallet),
    owner: keep.owner,
    notes: keep.notes && dup.notes && keep.notes !== dup.notes ? `${keep.notes}\n${dup.notes}` : either(keep.notes, dup.notes),
    externalId: either(keep.externalId, dup.externalId),
    tags: [...new Set([...keep.tags, ...dup.tags])].sort(),
  };
}
