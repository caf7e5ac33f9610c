import { CrmError } from '../errors.js';
import { ONE_LINE, problem, type Read, rule, type Schema } from './check.js';
import { currencyCode, isCurrency } from './money.js';
import { DEFAULT_SEGMENTS_TEXT, parseSegments, SEGMENTS, type SegmentMap, segmentsText } from './rfm.js';

/**
 * Every configuration key, the schema its value must pass and what it does. The schemas are rule()s, free of zod:
 * the config is read by nearly every command, and zod would add ~45 ms to each start (zod/mini ~10 ms; see
 * check.ts). Each reads the normalised value, or says "what is wrong; how to fix it".
 */
export const DEFAULT_LOST_REASONS = ['price', 'competitor', 'timing', 'no-budget', 'no-decision', 'product-fit', 'other'];

interface KeySpec<T> {
  schema: Schema<T>;
  help: string;
}

const text = (what: string) => (v: unknown): Read<string> =>
  typeof v === 'string' && v.trim() !== ''
    ? { ok: true as const, value: v.trim() }
    : { ok: false as const, message: `must not be empty; give ${what}` };

export const CONFIG_KEYS = {
  user: {
    // A name like any other: it becomes the owner of what you create.
    schema: rule((v) => (typeof v === 'string' && ONE_LINE.control.test(v.trim()) ? { ok: false, message: ONE_LINE.message }
      : text('a user name')(v))),
    help: 'who you are: owner of what you create and author in history (CRM_USER overrides it)',
  },
  db: {
    schema: rule(text('a file path')),
    help: 'database location when neither --db nor CRM_DB is given',
  },
  currency: {
    schema: currencyCode,
    help: 'the team\'s base currency: amounts entered without one, and reports (default USD; shared, in the database)',
  },
  locale: {
    schema: rule((v): Read<string> => {
      const tag = typeof v === 'string' ? v.trim() : '';
      try {
        if (tag && Intl.NumberFormat.supportedLocalesOf([tag]).length > 0) return { ok: true, value: tag };
      } catch { /* an invalid tag throws RangeError */ }
      return { ok: false, message: 'is not a locale; use a BCP 47 tag such as en-US, de-DE or ja-JP' };
    }),
    help: 'how tables write numbers and money (default en-US); JSON is never localised',
  },
  lostReasons: {
    // A list: "price,competitor,timing" on the command line, an array in the file.
    schema: rule((v): Read<string[]> => {
      const items = (Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : [])
        .map((x) => String(x).trim().toLowerCase().replace(/\s+/g, '-')).filter(Boolean);
      return items.length ? { ok: true, value: [...new Set(items)] }
        : { ok: false, message: 'must list at least one reason; give them comma-separated, e.g. price,competitor,timing' };
    }),
    help: `reasons "crm deal lose --reason" accepts (default ${DEFAULT_LOST_REASONS.join(',')}; shared, in the database)`,
  },
  fiscalYearStart: {
    schema: rule((v): Read<number> => {
      const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,2}$/.test(v.trim()) ? Number(v) : NaN;
      return n >= 1 && n <= 12 ? { ok: true, value: n }
        : { ok: false, message: 'is not a month number; give 1 (January) to 12 (December)' };
    }),
    help: 'month the fiscal year starts in, 1-12 (default 1; shared, in the database); quarters are named by the year the fiscal year ends',
  },
  rates: {
    // "EUR=1.08,GBP=1.27" on the command line, an object in the file: one unit of each currency in `currency`.
    schema: rule((v): Read<Record<string, number>> => {
      const pairs = typeof v === 'string' ? v.split(',').map((p) => p.split('=').map((x) => x.trim()))
        : v && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, String(x)]) : [];
      const out: Record<string, number> = {};
      for (const [code, rate] of pairs) {
        const c = (code ?? '').toUpperCase();
        const r = Number(rate);
        if (!isCurrency(c) || !(r > 0)) {
          return { ok: false, message: `has a bad entry "${code}=${rate ?? ''}"; write CODE=RATE pairs, e.g. EUR=1.08,GBP=1.27` };
        }
        out[c] = r;
      }
      return Object.keys(out).length ? { ok: true, value: out }
        : { ok: false, message: 'is empty; write CODE=RATE pairs, e.g. EUR=1.08,GBP=1.27' };
    }),
    help: 'exchange rates into the currency setting for reports, e.g. EUR=1.08,GBP=1.27 (value of one unit; shared, in the database)',
  },
  segments: {
    // "Champions=5:4-5;Loyal Customers=3-4:4-5" on the command line and in the file; kept in that form, so that
    // config get prints what config set takes. parseSegments says what is wrong with a bad one.
    schema: rule((v): Read<string> => {
      if (typeof v !== 'string') return { ok: false, message: `is not a segment map; write NAME=R:F entries separated by ";", e.g. Champions=5:4-5;At Risk=1-2:3-4` };
      const map = parseSegments(v);
      return typeof map === 'string' ? { ok: false, message: map } : { ok: true, value: segmentsText(map) };
    }),
    help: 'the RFM segment map: NAME=R:F entries separated by ";", R and F scores 1-5 or ranges such as 4-5 (default the standard grid; shared, in the database)',
  },
  phoneCountry: {
    // A national number (030 1234567) only meets its international form (+49 30 1234567) when crm knows the
    // country; guessing one from the locale would pair numbers of two countries that happen to look alike.
    schema: rule((v): Read<number> => {
      const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim().replace(/^(\+|00)/, '') : '';
      return /^[1-9]\d{0,2}$/.test(text) ? { ok: true, value: Number(text) }
        : { ok: false, message: 'is not a country calling code; give its digits, e.g. 49 for Germany or 1 for the US and Canada' };
    }),
    help: 'country calling code of phone numbers written without one (49 for 030 1234567 in Germany), for crm contact dupes',
  },
} satisfies Record<string, KeySpec<string> | KeySpec<string[]> | KeySpec<number> | KeySpec<Record<string, number>>>;

export type ConfigKey = keyof typeof CONFIG_KEYS;

/** A setting's value in force (config get, config list); null when it has none. */
export type Setting = string | number | string[] | Record<string, number> | null;
export type Config = {
  [K in ConfigKey]?: (typeof CONFIG_KEYS)[K] extends KeySpec<infer T> ? T : never;
};

export const CONFIG_DEFAULTS = { currency: 'USD', locale: 'en-US', lostReasons: DEFAULT_LOST_REASONS, fiscalYearStart: 1, segments: DEFAULT_SEGMENTS_TEXT } as const;

export const isConfigKey = (key: string): key is ConfigKey => Object.hasOwn(CONFIG_KEYS, key);

/**
 * The settings a team shares (product.md "Team server"): kept in the database, so everyone on one database reports
 * in one currency, one fiscal year, one list of lost reasons and one RFM segment map. The rest are a person's own, in their config file.
 */
export const SHARED_KEYS = ['currency', 'rates', 'fiscalYearStart', 'lostReasons', 'segments'] as const;
export type SharedKey = (typeof SHARED_KEYS)[number];
export const isShared = (key: ConfigKey): key is SharedKey => (SHARED_KEYS as readonly string[]).includes(key);

export interface SharedSettings {
  currency: string;
  rates: Record<string, number>;
  fiscalYearStart: number;
  lostReasons: string[];
  /** The RFM segment map in its text form (segmentMap reads it). */
  segments: string;
}

/** The segment map in force. */
export function segmentMap(shared: Pick<SharedSettings, 'segments'>): SegmentMap {
  const map = parseSegments(shared.segments);
  return typeof map === 'string' ? SEGMENTS : map;
}

/**
 * Where a shared value in force comes from. "config" is a value in the person's config file from before settings
 * were shared: it still applies while the database has none for that key, so nothing changes for them until someone
 * sets the key with `crm config set`, which writes the database; from then on the database's value wins.
 */
export type SharedSource = 'database' | 'config' | 'default';

export interface Shared {
  values: SharedSettings;
  source: Record<SharedKey, SharedSource>;
  /** Keys whose config-file value is ignored because the database has one (config get/list say so). */
  ignored: Partial<Record<SharedKey, unknown>>;
}

const SHARED_DEFAULTS: SharedSettings = {
  currency: CONFIG_DEFAULTS.currency, rates: {}, fiscalYearStart: CONFIG_DEFAULTS.fiscalYearStart, lostReasons: DEFAULT_LOST_REASONS,
  segments: DEFAULT_SEGMENTS_TEXT,
};

/**
 * The shared settings in force: the database's (`stored`: key to JSON-parsed value), else the config file's, else
 * the default. A stored value that is not valid (written by another program) is an error naming the key and the fix.
 */
export function sharedSettings(stored: Readonly<Record<string, unknown>>, file: Config): Shared {
  const values = { ...SHARED_DEFAULTS } as Record<SharedKey, unknown>;
  const source = {} as Record<SharedKey, SharedSource>;
  const ignored: Shared['ignored'] = {};
  for (const key of SHARED_KEYS) {
    source[key] = 'default';
    if (file[key] !== undefined) [values[key], source[key]] = [file[key], 'config'];
    if (!Object.hasOwn(stored, key)) continue;
    const parsed = CONFIG_KEYS[key].schema.safeParse(stored[key]);
    if (!parsed.success) {
      throw new CrmError('usage', `the database's setting ${key}: ${JSON.stringify(stored[key])} ${problem(CONFIG_KEYS[key].schema, stored[key])!.what}`,
        `run 'crm config set ${key} VALUE' with a valid value`);
    }
    if (file[key] !== undefined) ignored[key] = file[key];
    [values[key], source[key]] = [parsed.data, 'database'];
  }
  return { values: values as unknown as SharedSettings, source, ignored };
}
