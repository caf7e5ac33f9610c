/** The vCard versions crm writes (it reads 2.1 too). */
export const VCARD_VERSIONS = ['3.0', '4.0'] as const;
export type VCardVersion = (typeof VCARD_VERSIONS)[number];
