/** The products whose exports crm reads with --preset. */
export const PRESET_NAMES = ['google', 'outlook', 'hubspot', 'pipedrive', 'salesforce'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];
