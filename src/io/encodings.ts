/** The encodings spreadsheets write CSV in: UTF-8 (with or without BOM), Excel's UTF-16 "Unicode text", Windows' ANSI. */
export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];
