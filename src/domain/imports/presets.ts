import { usageError } from '../../errors.js';
import type { ImportKind } from './summary.js';

/**
 * Presets: where other products' exports keep what crm reads, as data. A field's source is a column, or a list of
 * alternatives read in order (the first with a value in the row wins), each joining one or more columns; a column
 * name may hold `*` for any text ("E-mail * - Value": every email slot Google writes). The headers follow the
 * products' exports as documented in test/fixtures/imports/README.md, which says which version each follows.
 */
export type ColumnSource = string | readonly { columns: readonly string[]; join?: string }[];

// In a file of their own so that `crm import`'s flags name them without loading the column maps.
import { PRESET_NAMES, type PresetName } from './preset-names.js';

export { PRESET_NAMES, type PresetName };

/** What a preset says about one kind of record: where each field is, and its words for values (by vocabKey). */
export interface KindPreset {
  columns: Partial<Record<string, ColumnSource>>;
  words?: Partial<Record<string, Readonly<Record<string, string>>>>;
}

type Alternative = string | string[] | { columns: string[]; join: string };
/** Given, middle and family name (columns that are not there count as empty), written as the name is written. */
const person = (given: string, middle: string | null, family: string) => ({ columns: [given, middle ?? '', family], join: 'name' });
/** Alternatives, each one column or several joined by a space. */
const any = (...alts: Alternative[]): ColumnSource => alts.map((a) => (typeof a === 'string' ? { columns: [a] } : Array.isArray(a) ? { columns: a } : a));
/** Several columns (or patterns) whose values make one list. */
const items = (...columns: string[]) => ({ columns, join: ' ::: ' });
const all = (...columns: string[]): ColumnSource => [items(...columns)];
const address = (...columns: string[]) => ({ columns, join: ', ' });

/** Which stage of crm's default pipeline a product's default stage is, when the user has no stage of that name. */
const SALESFORCE_STAGES = {
  prospecting: 'Lead', qualification: 'Qualified', needsanalysis: 'Qualified', valueproposition: 'Qualified',
  iddecisionmakers: 'Qualified', perceptionanalysis: 'Qualified', proposalpricequote: 'Proposal', negotiationreview: 'Negotiation',
  closedwon: 'Won', closedlost: 'Lost',
};
const PIPEDRIVE_STAGES = {
  leadin: 'Lead', contactmade: 'Qualified', needsdefined: 'Qualified', demoscheduled: 'Qualified', proposalmade: 'Proposal',
  negotiationsstarted: 'Negotiation',
};
const HUBSPOT_STAGES = {
  appointmentscheduled: 'Lead', qualifiedtobuy: 'Qualified', presentationscheduled: 'Qualified', decisionmakerboughtin: 'Proposal',
  contractsent: 'Negotiation', closedwon: 'Won', closedlost: 'Lost',
};

export const PRESETS: Record<PresetName, { product: string; kinds: Partial<Record<ImportKind, KindPreset>> }> = {
  google: {
    product: 'Google Contacts ("Google CSV" export, the 2024 layout and the older one)',
    kinds: {
      contacts: {
        columns: {
          name: any('Name', person('First Name', 'Middle Name', 'Last Name'), person('Given Name', 'Additional Name', 'Family Name'), 'Nickname', 'File As'),
          emails: all('E-mail * - Value'),
          phones: all('Phone * - Value'),
          company: any('Organization Name', 'Organization 1 - Name'),
          title: any('Organization Title', 'Organization 1 - Title'),
          tags: any('Labels', 'Group Membership'),
          notes: 'Notes',
        },
        // "* myContacts" is on every contact Google exports: no tag. Its other system groups ("* starred") are tags.
        words: { tags: { mycontacts: '' } },
      },
    },
  },
  outlook: {
    product: 'Outlook ("Outlook CSV" export of Outlook.com and Outlook for Windows)',
    kinds: {
      contacts: {
        columns: {
          name: any(person('First Name', 'Middle Name', 'Last Name')),
          emails: all('E-mail Address', 'E-mail 2 Address', 'E-mail 3 Address'),
          phones: all('Business Phone', 'Business Phone 2', 'Mobile Phone', 'Home Phone', 'Home Phone 2', 'Primary Phone', 'Company Main Phone', 'Other Phone'),
          company: 'Company',
          title: 'Job Title',
          reportsTo: "Manager's Name",
          tags: 'Categories',
          notes: 'Notes',
        },
      },
    },
  },
  hubspot: {
    product: 'HubSpot (CRM "Export" of a contacts, companies or deals view, property labels as headers)',
    kinds: {
      contacts: {
        columns: {
          externalId: any('Record ID', 'Contact ID'),
          name: any(person('First Name', null, 'Last Name')),
          emails: all('Email', 'Additional email addresses'),
          phones: all('Phone Number', 'Mobile Phone Number'),
          title: 'Job Title',
          company: any('Associated Company', 'Company Name'),
          lifecycle: 'Lifecycle Stage',
          owner: 'Contact owner',
          source: 'Original Source',
        },
        words: {
          lifecycle: {
            subscriber: 'lead', lead: 'lead', marketingqualifiedlead: 'lead', salesqualifiedlead: 'prospect', opportunity: 'prospect',
            customer: 'customer', evangelist: 'customer', other: '',
          },
        },
      },
      companies: {
        columns: {
          externalId: any('Record ID', 'Company ID'),
          name: any('Company name', 'Name'),
          domain: any('Company Domain Name', 'Website URL'),
          industry: 'Industry',
          size: 'Number of Employees',
          address: any(address('Street Address', 'City', 'State/Region', 'Postal Code', 'Country/Region')),
          owner: 'Company owner',
          notes: 'Description',
        },
      },
      deals: {
        columns: {
          title: 'Deal Name',
          stage: 'Deal Stage',
          amount: 'Amount',
          currency: any('Currency', 'Deal currency code'),
          expectedClose: 'Close Date',
          owner: 'Deal owner',
          company: any('Associated Company', 'Associated Company (Primary)'),
          contact: any('Associated Contact', 'Associated Contact (Primary)'),
        },
        words: { stage: HUBSPOT_STAGES },
      },
    },
  },
  pipedrive: {
    product: 'Pipedrive ("Export data" of people, organizations and deals; headers with and without the "Person - " prefix)',
    kinds: {
      contacts: {
        columns: {
          externalId: any('Person - ID', 'ID'),
          name: any('Person - Name', 'Name', person('Person - First name', null, 'Person - Last name')),
          emails: any(items('Person - Email*'), 'Email'),
          phones: any(items('Person - Phone*'), 'Phone'),
          company: any('Person - Organization', 'Organization'),
          title: any('Person - Job title', 'Person - Title', 'Job title', 'Title'),
          tags: any('Person - Labels', 'Person - Label', 'Label'),
          owner: any('Person - Owner', 'Owner'),
          notes: any('Person - Note', 'Note'),
        },
      },
      companies: {
        columns: {
          externalId: any('Organization - ID', 'ID'),
          name: any('Organization - Name', 'Name'),
          address: any('Organization - Address', 'Address'),
          domain: any('Organization - Website', 'Website'),
          industry: any('Organization - Industry', 'Industry'),
          tags: any('Organization - Labels', 'Organization - Label', 'Label'),
          owner: any('Organization - Owner', 'Owner'),
        },
      },
      deals: {
        columns: {
          title: any('Deal - Title', 'Title'),
          amount: any('Deal - Value', 'Value'),
          currency: any('Deal - Currency', 'Deal - Currency of value', 'Currency'),
          stage: any('Deal - Stage', 'Stage'),
          status: any('Deal - Status', 'Status'),
          expectedClose: any('Deal - Expected close date', 'Expected close date'),
          closedOn: any('Deal - Won time', 'Deal - Lost time', 'Deal - Closed on', 'Won time', 'Lost time'),
          probability: any('Deal - Probability', 'Probability'),
          owner: any('Deal - Owner', 'Owner'),
          company: any('Deal - Organization', 'Organization'),
          contact: any('Deal - Contact person', 'Contact person'),
          lostReason: any('Deal - Lost reason', 'Lost reason'),
        },
        words: { stage: PIPEDRIVE_STAGES },
      },
    },
  },
  salesforce: {
    product: 'Salesforce (report exports with field labels, and Data Loader exports with API names)',
    kinds: {
      contacts: {
        columns: {
          externalId: any('Contact ID', 'Id'),
          name: any(person('First Name', null, 'Last Name'), person('FirstName', null, 'LastName'), 'Full Name', 'Name'),
          emails: 'Email',
          phones: all('Phone', 'Mobile', 'Mobile Phone', 'MobilePhone'),
          title: 'Title',
          company: any('Account Name', 'AccountId'),
          reportsTo: any('Reports To', 'ReportsToId'),
          owner: 'Contact Owner',
          source: any('Lead Source', 'LeadSource'),
          consent: any('Email Opt Out', 'HasOptedOutOfEmail'),
          notes: 'Description',
        },
        // Opted out of email is opted out; not opted out says nothing about consent.
        words: { consent: { '1': 'opted-out', true: 'opted-out', yes: 'opted-out', '0': '', false: '', no: '' } },
      },
      companies: {
        columns: {
          externalId: any('Account ID', 'Id'),
          name: any('Account Name', 'Name'),
          domain: 'Website',
          industry: 'Industry',
          size: any('Employees', 'NumberOfEmployees'),
          address: any(address('Billing Street', 'Billing City', 'Billing State/Province', 'Billing Zip/Postal Code', 'Billing Country'),
            address('BillingStreet', 'BillingCity', 'BillingState', 'BillingPostalCode', 'BillingCountry')),
          owner: 'Account Owner',
          notes: 'Description',
        },
      },
      deals: {
        columns: {
          title: any('Opportunity Name', 'Name'),
          amount: 'Amount',
          currency: any('Opportunity Currency', 'Amount Currency', 'CurrencyIsoCode'),
          stage: any('Stage', 'StageName'),
          expectedClose: any('Close Date', 'CloseDate'),
          probability: any('Probability (%)', 'Probability'),
          company: any('Account Name', 'AccountId'),
          owner: 'Opportunity Owner',
          source: any('Lead Source', 'LeadSource'),
          nextStep: any('Next Step', 'NextStep'),
        },
        words: { stage: SALESFORCE_STAGES },
      },
    },
  },
};

/** A preset's layout for a kind, or the usage error that says which kinds it has. */
export function presetFor(name: PresetName, kind: ImportKind): KindPreset {
  const preset = PRESETS[name];
  const found = preset.kinds[kind];
  if (!found) {
    const kinds = Object.keys(preset.kinds);
    throw usageError(`--preset ${name} reads ${kinds.join(', ')}, not ${kind}`,
      `use crm import ${kinds[0]} FILE --preset ${name}, or import ${kind} in crm's own columns (crm help import)`);
  }
  return found;
}
