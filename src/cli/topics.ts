import { DATE_FORMS } from '../domain/date-forms.js';

/** `crm help <topic>`: the reference a user reaches for without opening the README. */
export const TOPICS: Record<string, { summary: string; text: string }> = {
  'exit-codes': {
    summary: 'what each exit status means',
    text: `Exit codes
  0    success (an empty list too)
  1    unexpected failure (a bug; CRM_DEBUG=1 shows the stack trace)
  2    usage or validation error: unknown flag, bad value, ambiguous reference, unusable database path
  3    not found: no record matches the reference
  4    conflict: duplicate (email, company name), database locked past the busy timeout (CRM_BUSY_TIMEOUT, 5 s)
  130  cancelled (Ctrl-C, or "no" at a confirmation)

Errors are one line on stderr: what was wrong with which input, and how to fix it.
With --json they are {"error": {"code", "message", "hint", ...}} on stderr.`,
  },
  dates: {
    summary: 'the date forms every date flag accepts',
    text: `Dates
Every date flag accepts: ${DATE_FORMS}.
  monday        the coming Monday, today included
  next monday   the first Monday after today
  last monday   the last Monday before today
  eow, eom      end of the ISO week (Sunday), of the month; eoq, eoy likewise; sow/som/soq/soy the starts
CRM_NOW pins "now" (e.g. CRM_NOW=2026-03-15 or 2026-03-15T09:30:00Z) for reproducible output.`,
  },
  formats: {
    summary: 'output formats, quiet mode and colour',
    text: `Output
  on a terminal     an aligned table
  piped             plain TSV without header, colour or decoration
  --json            JSON: lists are arrays, show/add/edit give the object, reports an object
  --format F        json, ndjson, csv, tsv, markdown or table
  -q, --quiet       only ids (add, list)
JSON keys are camelCase, dates YYYY-MM-DD, times ISO 8601 with offset, money a number in major units beside
"currency". Colour is off for NO_COLOR, --no-color, TERM=dumb and pipes; FORCE_COLOR forces it.`,
  },
  references: {
    summary: 'how to name a record',
    text: `References
A record is named by its id (12 or #12), its exact name (case-insensitive), an email (contacts), a domain
(companies) or its external id. A name two records share fails with exit 2 and lists them; use the id. Where a
command takes several kinds, qualify one: company:Acme, contact:12. Nothing matching exits 3.`,
  },
  environment: {
    summary: 'environment variables and where data lives',
    text: `Environment
  CRM_DB        database file (--db wins over it; config "db" loses to it)
  CRM_USER      who you are: owner of new records, author in history (default: config "user", then login name)
  CRM_NOW       pin "now" for reproducible dates and reports
  CRM_NO_INPUT  never prompt (same as --no-input)
  CRM_DEBUG=1   stack traces on unexpected errors
  CRM_BUSY_TIMEOUT  milliseconds a write waits for another writer before exit 4 (default 5000)
  NO_COLOR, FORCE_COLOR, TERM=dumb   colour control
  XDG_DATA_HOME     database default: $XDG_DATA_HOME/crm/crm.db (~/.local/share/crm/crm.db)
  XDG_CONFIG_HOME   config: $XDG_CONFIG_HOME/crm/config.json (~/.config/crm/config.json)`,
  },
};
