import { DATE_FORMS } from '../domain/date-forms.js';
import type { TopicName } from './topic-names.js';

/** Said by every report over orders: how money in several currencies is handled. */
const ORDER_CURRENCIES = `Amounts are in the currency setting; orders in other currencies convert with the rates setting. Orders
without a rate are left out of every figure (so all figures describe the same orders) and named: a warning on
stderr and "unconverted" in JSON, [{currency, orders, amount}].`;

/** Said by every report that takes both --since and --as-of. */
const WINDOW = 'A --since after --as-of is a usage error (exit 2).';

/** `crm help <topic>`: the reference a user reaches for without opening the README. */
export const TOPICS: Record<TopicName, { summary: string; text: string }> = {
  'exit-codes': {
    summary: 'what each exit status means',
    text: `Exit codes
  0    success (an empty list too)
  1    unexpected failure (a bug; CRM_DEBUG=1 shows the stack trace)
  2    usage or validation error: unknown flag, bad value, ambiguous reference, unusable database path,
       missing input without a terminal (crm help prompts)
  3    not found: no record matches the reference; the folder of a --db, CRM_DB or config "db" path does not exist
  4    conflict: duplicate (email, company name), a deal won or lost again, a database with data that
       crm import backup would replace (--force), database locked past the busy
       timeout (CRM_BUSY_TIMEOUT, 5 s)
  5    not permitted: an outbound call or email to, or a follow-up with, a contact who is do-not-contact or
       opted out (--override-consent writes it anyway and crm history shows the override); on a team server,
       a change your role may not make (another owner's record, or stages, quotas and the team as a rep)
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
  -q, --quiet       only the ids of the records a command lists, shows or writes (list, add, show, edit, ...);
                    a usage error (exit 2) where there are none: reports, agenda, config, db, rm, ...
JSON keys are camelCase, dates YYYY-MM-DD, times ISO 8601 with offset, money a number in major units beside
"currency". Tables write money in the locale setting's format ($94,529.00; 94.529,00 $ in de-DE). Piped, CSV
and TSV write it as a plain number (94529.00) followed by a "currency" column (a "currency" line for one record).
Colour is off for NO_COLOR, --no-color, TERM=dumb and pipes; FORCE_COLOR forces it.

Records with sections (show, agenda, reports) keep every row in every format:
  table, markdown   the record's fields, then each section as a titled table
  piped             key<TAB>value lines, then each section as its title and its rows, a blank line between
  csv, tsv          one table whose first column, "section", says what a row is: "record" for the record's
                    own fields, then every row of every section under its JSON key (contacts, stages, ...).
                    The columns are all the sections' columns in order of first appearance; a row leaves
                    the others empty. One section:  crm report pipeline --format tsv | awk -F'\\t' '$1=="stages"'
  json, ndjson      the whole object (ndjson: on one line)
Rows that people read rearranged reach programs as plain records: the forecast one row per period (not one
per measure), the agenda one row per item with its date (not a table per day).

Spreadsheets: in CSV and TSV a text cell that starts with = + - @, a tab or a carriage return gets a leading '
so that no spreadsheet runs it as a formula (as OWASP recommends); numbers (amounts, counts, scores) stay numbers,
a refund of -120.00 included. Piped output without --format is for programs and is written as it is.`,
  },
  references: {
    summary: 'how to name a record',
    text: `References
A record is named by the first of these that matches, in this order:
  1. its id: 12 or #12 (digits always mean an id)
  2. its exact name or title, ignoring case; an email (contacts), a domain (companies) or an external id
  3. the start of its name, ignoring case: "acme" finds "Acme GmbH"
  4. a part of its name: "gmbh" finds "Acme GmbH", "张伟" finds "Zhang Wei 张伟"
An exact name always wins ("acme" finds a company called "Acme" even beside "Acme GmbH"), and a name the text
starts beats names that merely contain it ("acme" finds "Acme GmbH" even beside "Big Acme Ltd"). Case is folded
(also full-width letters), accents are not: type "müller", "MÜLL" or "üll", not "muller".
Several records at the deciding step fail with exit 2 and list them: type more of the name, or use the id. Nothing
matching exits 3. Follow-ups are named by title only while open; activities only by id.
Where a command takes several kinds (crm log call REF, crm history REF, crm order add CUSTOMER), an exact match in any kind wins; otherwise
every kind's best partial matches count together ("acme" starting a company and inside a contact's name lists
both), so qualify one: company:acme, contact:"li n", deal:12.
Stages are named by id, exact name or a unique start of one ("neg" for Negotiation), never by a part inside.
Deleting asks first (or needs --yes) and shows the full name of what the reference found.`,
  },
  duplicates: {
    summary: 'how crm contact dupes and crm company dupes match records',
    text: `Duplicates
crm contact dupes and crm company dupes list pairs of records that look like one, each with every reason that
matched, strongest first: a shared email, then a shared phone or domain, then names alone; more reasons before
fewer. --json gives [{a: {id, name}, b: {id, name}, reasons: [{kind, value}]}], kind email, phone, domain or name.
  email    case and surrounding space are ignored; at gmail.com and googlemail.com (one mailbox) also dots and
           everything from a + (li.na+crm@googlemail.com is lina@gmail.com); elsewhere nothing more, as
           providers differ on dots and +
  phone    digits only; + or 00 starts the international form, a "(0)" after the country code and an extension
           (x12, ext. 12) are dropped; fewer than 6 digits never match. A national form (030 1234567) matches its
           international form (+49 30 1234567, 0049 30 1234567) only once config phoneCountry gives the country
           calling code (crm config set phoneCountry 49): the trunk 0 becomes +49. NANP (1) and Italy (39), which
           have no trunk 0, are read their own way. Without phoneCountry national forms match each other only.
  domain   (companies) case, a scheme, a path and www. are ignored
  name     case, accents of Latin letters (Müller is muller), width, punctuation and spacing are ignored, &
           is "and"; a person's words in any order ("Na, Li" is Li Na); a company's legal form at the end of its
           name is dropped (GmbH, AG, KG, Ltd, Limited, LLC, Inc, Incorporated, Corp, Corporation, Co, SA, SAS,
           SARL, BV, NV, Oy, AB, AS, SpA, Srl, Pty, PLC, written with or without dots, and "& Co. KG")
A key shared by more than 25 records (a switchboard, a shared mailbox, a very common name) pairs none of them and
is named in a warning on stderr instead. Records are grouped by key in one pass, never compared all with all:
100,000 contacts take well under a second.
Merge a pair with crm contact merge KEEP DUP or crm company merge KEEP DUP: KEEP stays and takes over what
pointed at DUP and DUP's values for its empty fields; DUP is deleted (crm history still shows it).`,
  },
  backups: {
    summary: 'crm db backup and crm export backup / import backup: what each keeps and restores',
    text: `Backups
  crm db backup [FILE]               a copy of the SQLite file (VACUUM INTO, safe while others work); quick, SQLite only
  crm db restore FILE [--yes]        puts such a copy back in place of the database, in one step (a rename): checked
                                     first (crm's, a schema this crm knows, integrity_check), the replaced database
                                     backed up to backups/...-before-restore.db; refused while another crm has it open
  crm export backup [--output FILE]  the whole database as one JSON document: portable, for another machine, a later
                                     crm or a team server; to stdout, or to FILE in full or not at all (mode 0600)
  crm import backup FILE|- [--force] restores such a document into an empty database
The document: {"format": "crm-backup", "version": 1, "schema": 6, "exportedAt", "exportedBy", "sequences",
"tables": {"company": [{...}, ...], ...}}. Every table of the database, one row a line: ids and UUIDs as they are,
money as integers of minor units, text exactly, NULL as null; records, tags, stages, deal stage history, activities,
follow-ups, orders, quotas, the history (change sets and journal), saved RFM segmentations, the team and the
team's settings (currency, rates, fiscalYearStart, lostReasons, segments). "sequences" keeps the last id handed out per
table, so the next record added after a restore gets the same id as in the original.
Not in it: the search index (rebuilt on restore) and your own settings in config.json (copy it yourself).
Before a migration crm backs the database up to backups/ beside it (mode 0600, folder 0700) and keeps the newest five
of those automatic copies; the ones crm db backup writes are never removed.
Restoring a document: the database must hold no records of yours (a new one's default stages do not count) or it is a conflict
(exit 4) naming what it holds; --force replaces them, keeping a copy in backups/ first. A backup from an older crm
is restored at its schema, then migrated; a newer format version or schema is refused (exit 2). One transaction: a
truncated or damaged file exits 2 and leaves the database as it was.`,
  },
  safety: {
    summary: 'what crm guarantees about your data: transactions, undo, upgrades, crashes, privacy, erasure',
    text: `Your data is safe
  every write       one transaction; bad input changes nothing (exit 2/3/4/5, one line naming the field)
  crm undo [ID]     reverts your last command (or change set ID), as a change set of its own: crm undo again
                    redoes it; a change set a later one touched is refused (exit 4) naming the later one;
                    crm undo --list shows the recent change sets
  history           insert-only, enforced by the database (triggers); an erasure is the one exception
  upgrades          a backup to backups/ first (newest five kept); crm db restore FILE puts one back
  crashes           killed at any moment, the database is whole and holds all or nothing of the command
  read-only file    readable; a write exits 5
  files             database, -wal, -shm, backups, --output exports, spool files: 0600 in 0700 folders
  crm contact forget REF   erases a person everywhere (history: a tombstone; the file: scrubbed); their emails
                    are kept as salted hashes and refused by contact add and vCard import unless
                    --allow-forgotten; cannot be undone; older backups still hold them
  crm contact export REF   everything crm holds about one person, as JSON
README.md ("Your data is safe") names the test that proves each.`,
  },
  'report-pipeline': {
    summary: 'what crm report pipeline computes',
    text: `crm report pipeline [--as-of DATE] [--since DATE] [--owner U|--mine]
Definitions follow docs/analytics.md ("Sales pipeline and forecast") exactly.
  Every deal is replayed from its stage history to the end of the --as-of day (default today), so the report is
  the same whatever order the data was entered in, and can be re-run for a past date. Amounts and expected close
  dates are the current ones (they have no history).
  Per open stage: deals, amount, weighted amount (amount x probability), average days in the stage, stale deals
  (no stage change and no activity for longer than the stage's rotting days).
  Window: --since to --as-of, by default the trailing 12 months. In it:
  win rate = won / (won + lost) of deals closed in the window;
  sales cycle = mean days from creation to close of the deals won in the window;
  stage conversion = deals that moved on from a stage / deals that entered it (entered in the window; moved on =
    later reached a stage further along that is not a lost stage);
  sales velocity = open deals x win rate x average won amount / sales cycle (amount per day).
  Amounts are in the currency setting; other currencies convert with the rates setting, and deals without a rate
  are left out and named (never summed silently): a warning on stderr and "unconverted" in JSON,
  [{currency, deals, amount}]. ${WINDOW}`,
  },
  'report-forecast': {
    summary: 'what crm report forecast computes',
    text: `crm report forecast [--period month|quarter] [--periods N] [--by owner|category] [--as-of DATE] [--since DATE]
Definitions follow docs/analytics.md exactly. Periods start with the one containing --as-of. A deal belongs to
the period of its expected close date, a won deal to the period of its close date. Per period:
  closed won; commit, best case and pipeline (open deals by forecast category; omitted deals count nowhere);
  weighted = closed won + amount x probability of the open deals;
  historical = closed won + each open deal weighted by the empirical win rate of its stage (deals that entered the
    stage in the trailing window and have closed: won / closed); a stage with no closed deals uses the probability;
    for one owner (--owner, and each row of --by owner) the owner's own rate where they closed at least 10 deals
    that passed through the stage in the window, else the team's;
  commit forecast = closed + commit; best-case forecast = closed + commit + best case;
  open pipeline = commit + best case + pipeline;
  quota = each owner's quota for the period (for a quarter without one: the sum of their monthly quotas);
  attainment = closed won / quota; coverage = open pipeline / (quota - closed won), empty once quota is met.
Quarters follow the fiscalYearStart setting and are named by the calendar year the fiscal year ends in.
Deals and quotas in other currencies convert with the rates setting; those without a rate are left out and named
(a warning, and "unconverted" in JSON: {currency, deals, amount} or {currency, quotas, amount}).
${WINDOW}`,
  },
  'report-winloss': {
    summary: 'what crm report winloss computes',
    text: `crm report winloss [--as-of DATE] [--since DATE] [--owner U|--mine]
Deals won or lost with a close date in the window (default: the trailing 12 months): counts, amounts and win rate
(won / (won + lost)) overall, lost deals by reason, and won/lost by source and by owner. Currencies as in
crm help report pipeline. ${WINDOW}`,
  },
  'report-activity': {
    summary: 'what crm report activity computes',
    text: `crm report activity [--as-of DATE] [--since DATE] [--owner U|--mine]
Activities logged per owner (who logged them) and type, per ISO week, from --since (default: the Monday eight weeks
back) to --as-of. Follow-ups per owner: completed in the window, of those completed after their due date, and
overdue at --as-of (open and due before it). ${WINDOW}`,
  },
  'report-rfm': {
    summary: 'what crm report rfm computes',
    text: `crm report rfm [--as-of DATE] [--since DATE] [--bins N] [--segment NAME] [--save NAME] [--compare NAME]
Definitions follow docs/analytics.md exactly. A customer is a company, or a contact without one. Customers with at
least one positive order by --as-of are scored: Recency = whole days since the last positive order; Frequency =
positive orders; Monetary = all amounts, refunds included (orders from --since on). Scores 1..bins (default 5):
score(v) = 1 + floor(bins x W(v) / N), W(v) = customers strictly worse, so ties share a score. Segments come from
the R and F scores on the RF grid (Champions, Loyal Customers, Potential Loyalists, New Customers, Promising, Need
Attention, About to Sleep, At Risk, Can't Lose Them, Hibernating), each with a suggested action, or from the team's
map (crm config set segments "Stars=4-5:3-5;At Risk=1-2:1-5"; unclaimed cells are Unclassified); with other bins
the scores are mapped onto 1-5 first. --save stores the segmentation; --compare lists only the customers who
moved since (from "(new)" or to "(gone)" included), with how many stayed in their segment. --segment lists one
segment's customers; "Customers scored" (JSON "scored") stays the count of all customers scored.
${ORDER_CURRENCIES}
${WINDOW}`,
  },
  'report-deciles': {
    summary: 'what crm report deciles computes',
    text: `crm report deciles [--as-of DATE] [--since DATE]
Customers sorted by Monetary descending, ties by id ascending; position i of N is in decile floor(10 i / N) + 1.
Per decile: customers, revenue, share, cumulative share. Pareto line: the revenue share of deciles 1 and 2.
${ORDER_CURRENCIES}
${WINDOW}`,
  },
  'report-portfolio': {
    summary: 'what crm report portfolio computes',
    text: `crm report portfolio [--as-of DATE] [--since DATE] [--cost-to-serve AMOUNT]
Value = Monetary over the window; annualised over the window's days (--since, or the first order, to --as-of).
Share of wallet = annualised value / wallet estimate. Tiers, decided in this order: MVC = deciles 1-2 (Retain);
BZ = value at or below the cost to serve, default 0 (serve at lowest cost); MGC = of the customers left that have a
wallet, the top 20% by untapped wallet (wallet - annualised value), if it is above 0 (Develop); companies and
contacts with a wallet but no orders are prospects (Acquire); everyone else is maintained. Customers without a wallet estimate are named.
Wallet estimates in other currencies convert like orders; one without a rate is named (a note on the customer,
the warning, and {currency, wallets, amount} in "unconverted") and gives no share of wallet. A share of wallet
above 100% means the estimate is out of date: the customer is flagged to revisit it (note, "revisitWallet",
"walletsToRevisit").
${ORDER_CURRENCIES}
${WINDOW}`,
  },
  'report-loyalty': {
    summary: 'what crm report loyalty computes',
    text: `crm report loyalty [--as-of DATE] [--since DATE]
Griffin's matrix: repeat purchase is high at an F score of 4 or 5; attitude is strong when the latest satisfaction
score (crm log ... --satisfaction) on the customer's activities, a company's including its people's, is 4 or 5.
Sustained (high, strong) -> loyalty programme; latent (low, strong) -> attract; inertia (high, weak) -> retain;
no loyalty (low, weak) -> let go. Customers without a score have an unknown attitude: not guessed.
${ORDER_CURRENCIES}
${WINDOW}`,
  },
  'report-clv': {
    summary: 'what crm report clv computes, and when it declines to',
    text: `crm report clv [--as-of DATE] [--unit day|week] [--horizon MONTHS] [--discount RATE] [--at-risk] [--limit N]
BG/NBD (Fader, Hardie & Lee 2005) and Gamma-Gamma, fitted by maximum likelihood on the orders up to --as-of, exactly
as docs/analytics.md writes them. A purchase is an order that is not a refund (an amount of zero counts); orders on
one day are one purchase. x = purchase days - 1, t_x and T in --unit from the first purchase. Per customer:
P(alive), expected purchases over the horizon (default 12 months of 30.4375 days), expected average spend
(Gamma-Gamma for repeat buyers, its population mean otherwise) and CLV = sum over months k of
E[M] (E[Y(k)] - E[Y(k-1)]) / (1 + d)^k, d default 0.01. --at-risk: the most valuable fifth by spend whose P(alive)
is below 50%.
The fit: customers with the same (x, t_x, T), or the same (x, m) for spend, count once with their number;
Nelder-Mead on log-parameters (times divided by the mean T, spend by the mean m, so days or weeks, dollars or yen
search alike) within e^-12 to e^12, stopped once the log-likelihood agrees within 1e-10 per customer and the
parameters within 1e-7. On a terminal a fit that takes a while shows its progress on stderr.
Degenerate fits: a parameter whose edge of the search is as likely as the estimate (the orders do not pin it
down: e.g. too few repeat buyers, or none who went quiet, to tell dropout from silence), a fit that did not
converge, or a spend model with q <= 1 (average spend has no finite mean). The report then still shows the
parameters, says why ("Why the model does not fit"; in JSON "diagnosis": status, purchaseModel, spendModel,
problems [{model, code, parameters, message}]), warns on stderr, and shows no forecast that rests on that model:
P(alive), expected purchases and CLV for BG/NBD, expected spend and CLV for Gamma-Gamma (null in JSON, no column
on screen). Fewer than 10 customers or 2 repeat buyers: an error (exit 2).
${ORDER_CURRENCIES}`,
  },
  'report-campaign': {
    summary: 'what crm report campaign and report campaigns compute: response, lift, ROI',
    text: `crm report campaign CAMPAIGN; crm report campaigns (every campaign, one row each)
As docs/analytics.md ("Campaigns") fixes them. Members are treated or holdout: crm campaign target --holdout 10%
draws each eligible member independently with that share from a seeded generator (mulberry32; --seed N, shown
when not given), members taken companies first, then by id, so the same seed and members give the same split.
Opted-out and do-not-contact contacts, and companies none of whose people may be contacted, are never members;
"excluded" counts them. A member responded when a response is recorded (crm campaign respond, crm import
responses) or its customer placed an order (amount > 0) from the campaign start to the end of the attribution
window (the end + --window days, default 30); holdout members are never contacted but count the same way. A
contact's customer is its company when it has one. Response rate = responders / members of the group. Lift =
treated rate - holdout rate with the 95% interval of a difference of two proportions (z = 1.959964, unpooled
standard error sqrt(p1(1-p1)/n1 + p2(1-p2)/n2)); relative lift = treated / holdout - 1 when the holdout rate is
above zero. Revenue per member = the group's order amounts (refunds included) in the window, in the campaign's
currency, / its members. Incremental revenue = (treated - holdout revenue per member) x treated members. ROI =
(incremental revenue - cost) / cost; cost is --cost when recorded (crm campaign edit), else the budget. Without a
holdout, lift, incremental revenue and ROI are null and the report says why. JSON: {campaign, window: {from, to},
excluded, targeted, contacted, groups: {treated: {members, responded, rate, revenue, revenuePerMember}, holdout},
lift: {absolute, low, high, relative}, incrementalRevenue, cost, roi}; rates and lift as fractions.`,
  },
  'report-cross-sell': {
    summary: 'what crm report cross-sell computes: support, confidence, lift, next products',
    text: `crm report cross-sell [--min-support 0.01] [--min-confidence 0.1] [--top 20] [--customer REF] [--as-of] [--since]
As docs/analytics.md ("Cross-sell (market basket)") fixes it. A basket is one order with lines (crm order import
--map product=...): refunds (a negative amount) and lines with quantity <= 0 are left out, and a product counts
once per basket. support(A,B) = baskets with both / N; confidence(A->B) = both / baskets with A; lift = both x N /
(with A x with B), the same both ways. Rules with support >= --min-support and confidence >= --min-confidence are
listed by lift, confidence, support, then product codes. Products are matched by code ignoring case. --customer:
for each product the customer never bought, the best rule A->B from a product A they bought, scored by
confidence x lift, the best first. JSON: {baskets, minSupport, minConfidence, rules: [{antecedent, consequent,
antecedentName, consequentName, support, confidence, lift}]}, or with --customer {customer, bought,
recommendations: [{product, name, score, rule}]}.`,
  },
  'report-churn': {
    summary: 'what crm report churn computes: rhythm, gap, P(alive), value at risk',
    text: `crm report churn [--as-of DATE] [--factor 2] [--threshold 0.5] [--limit N]
As docs/analytics.md ("Churn") fixes it. Purchase days are the days with an order that is not a refund, as for
report clv. A customer's rhythm is the median gap in days between consecutive purchase days (of an even number of
gaps, the mean of the middle two); with fewer than three purchase days there is none. Overdue = days since the last
purchase > --factor x rhythm. At risk = overdue, or P(alive) of the BG/NBD model (fitted as report clv --unit week
does) below --threshold. When the model cannot be fitted (fewer than 10 customers or 2 repeat buyers) P(alive) is
null, a warning says so, and rhythm alone judges. Value at risk = revenue (orders, refunds included) in the
trailing 12 months: from the day after the same date a year before --as-of to --as-of. Ranked by value at risk,
then the longest gap. Each row gives the evidence: rhythm, gap, P(alive) and the reasons in words.
${ORDER_CURRENCIES}`,
  },
  next: {
    summary: "what crm next lists, and in which order",
    text: `crm next [--owner U] [--date DAY] [--limit 15] [--json]
One salesperson's day (you, or --owner) as one ranked list. In this order, each kind by what is at stake:
  followup   overdue follow-ups (high priority first, then the oldest), then those due that day
  closing    open deals expected to close by the end of the week (Sunday) with no next step, largest first
  stale      open deals idle (no stage change, no activity) longer than their stage's rotting days, largest first
  at-risk    the five customers you own most valuable at risk (crm report churn), by value at risk
  campaign   treated members of running campaigns (start <= day <= end) you own, not yet contacted
  cross-sell your five most valuable MVC or MGC customers (crm report portfolio) with the best next product
             (crm report cross-sell --customer)
Each action names the command that acts on it (JSON: {owner, date, total, actions: [{rank, kind, subject: {kind,
id, name}, reason, command, amount, currency}]}). --date plans another day: monday is the coming Monday.`,
  },
  import: {
    summary: 'crm import: the columns of each kind, how rows match records, presets, encodings',
    text: `Import
crm import KIND FILE reads a CSV file (- reads standard input): companies, contacts, deals, activities, followups
or orders. Import them in that order: rows name records of the kinds before them.

Columns, by header name (crm export KIND writes them all, so an export imports back; * required):
  companies   id uuid name* domain industry size address wallet currency tags owner notes externalId
  contacts    id uuid name* emails phones title company companyUuid role reportsTo reportsToUuid source
              lifecycle consent doNotContact wallet currency tags owner notes externalId
  deals       id uuid title* amount currency stage status probability forecastCategory expectedClose closedOn
              owner company companyUuid contact contactUuid source nextStep lostReason
  activities  id uuid type* at summary* outcome direction satisfaction contact contactUuid company companyUuid
              deal dealUuid
  followups   id uuid title* due* dueTime owner priority status doneAt repeat notes contact contactUuid company
              companyUuid deal dealUuid
  orders      id uuid customer* customerKind customerUuid date* amount* currency reference deal dealUuid
Headers match ignoring case and spaces around them, and email, phone and tag may be singular. Other columns
are ignored; --map field=Column reads a field from another column. Lists (emails, phones, tags)
hold items separated by ; (or , or :::). An empty cell gives nothing: a new record gets what add would give it.

Matching: a row is the record with its uuid; else the contact with one of its emails, the company with its
domain, or the record with its external id; else the record with its exact name (case and spacing ignored)
that does not contradict it (other emails, another domain or external id). Deals match by title within their
company; activities by type, time and summary; follow-ups by title and due date; orders by reference, else by
customer, date and amount. A matched record is left as it is, so importing twice changes nothing; --update
writes the row's values over it and adds its emails, phones and tags. A new record keeps the row's uuid, and
its id when no record has or had that id. Two records behind one email or name is a row error.

References: company, contact, deal, customer and reportsTo name a record by its uuid (the ...Uuid column), id
(12 or #12), or exactly by name, email, domain or external id, never by part of a name. A company a contact or
deal row names that does not exist is created; the others must exist (a manager may come later in the file).
A deal's stage is found by name; a won or lost status puts it in the won or lost stage; a probability or
forecast category equal to the stage's follows the stage.

Presets (--preset NAME) read other products' exports:
  google      Google Contacts, "Google CSV" (2024 layout and before)          contacts
  outlook     Outlook, "Outlook CSV" / Comma Separated Values                  contacts
  hubspot     HubSpot CRM exports (property labels)                            contacts, companies, deals
  pipedrive   Pipedrive "Export data" (with or without the "Person - " prefix) contacts, companies, deals
  salesforce  Salesforce report exports (labels) and Data Loader (API names)   contacts, companies, deals
Their own words are translated: HubSpot lifecycle stages (Sales Qualified Lead: prospect), Salesforce's
Email Opt Out (opted-out), and their default stages ("Closed Won", "Proposal Made") taken for crm's pipeline
when no stage has that name. An unknown stage fails its row, naming it and how to add it.

Files: UTF-8 with or without BOM, UTF-16 (Excel's Unicode text) by its BOM, Windows-1252 (Excel and Outlook on
Windows) with --encoding windows-1252; the delimiter (, ; or tab) is the header line's unless --delimiter.
A row with bytes that are not UTF-8 fails, by line. A ' before = + - @ (how crm's CSV keeps a spreadsheet
from running a formula) is dropped.

Every row is checked before anything is written: bad rows are listed by line, field and column, and nothing
is imported (exit 2). --dry-run says what would be created, updated and skipped, and writes nothing.`,
  },
  export: {
    summary: 'crm export: formats, columns and the round trip back through crm import',
    text: `Export
crm export KIND writes every record of a kind (companies, contacts, deals, activities, followups, orders), in id
order, to standard output or to --output FILE (written whole or not at all, mode 0600). Records are read a
page at a time, so 100,000 contacts take little memory.
  csv (default)  the columns crm import reads (crm help import); a linked record as its name and its uuid
  tsv            the same columns, tab-separated (line breaks in text become spaces)
  json, ndjson   each record as list --json gives it (--json means --format json)
A CSV cell a spreadsheet would run as a formula (text starting with = + - @, a tab or a carriage return) gets a
leading '; crm import drops it again. Lists are joined by "; ", booleans are true or false, money is a plain
number beside its currency. What crm works out (status, weightedAmount, stale, stageChangedAt,
lastActivityAt, overdue, daysOverdue, loggedBy) and the stamps (createdAt, updatedAt, createdBy, updatedBy) are
written but not read back: an import stamps what it writes with now and whoever imports.
Round trip: export every kind as CSV, then import companies, contacts, deals, activities, followups and orders,
in that order, into an empty database: the same records with the same ids and uuids.`,
  },
  prompts: {
    summary: 'guided prompts and pickers, and how scripts avoid them',
    text: `Prompts
On a terminal, leave out what you do not remember and crm asks for it:
  crm company add | contact add | deal add | followup add   ask for every field not given as a flag, with
                     defaults (owner: you, stage: the first, currency: the team's, due: tomorrow)
  crm company edit REF | contact edit | deal edit | followup edit   with no flags, offer each current value
  crm deal move DEAL   pick the stage from the pipeline;  crm deal lose DEAL   pick the lost reason
  crm log call|email|meeting|note, crm followup add   pick the contact, company or deal: type to search
  crm followup done|snooze   pick from today's and overdue follow-ups
  crm deal edit|move|win|lose, crm company|contact|followup edit   pick the record when it is left out
Answers are checked as you type, with the same rules as flags; dates and amounts show how they are read
("eom  → 2026-03-31"). rm, merge and stage rm ask before deleting. Ctrl-C at any prompt exits 130 and changes
nothing.
Prompts appear only when stdin, stdout and stderr are terminals, and never with --no-input or CRM_NO_INPUT=1.
Otherwise missing input is a usage error (exit 2) naming what to pass, and deleting needs --yes.
Prompts are drawn on stderr, so stdout carries only the result.`,
  },
  'team-server': {
    summary: 'one PostgreSQL database for the whole team: logins, roles, copying your data up',
    text: `Team server
  --db postgres://USER@HOST:PORT/DB (or CRM_DB, config "db") runs every command on PostgreSQL, with the same output
  as on SQLite. libpq's conventions hold: PGHOST, PGPORT, PGUSER, PGPASSWORD, ~/.pgpass, ?sslmode=require,
  session settings in ?options= or PGOPTIONS (sent only when given: a connection pooler may refuse them).
  The first crm to open the database migrates it; crm db migrate does it on demand; crm db check checks it.
  crm db copy --to URL      moves a whole local database (history, UUIDs) into an empty server database
  crm db copy --from URL    brings a server's data back into an empty file
Who you are is the login: the owner of what you create, the author in history; CRM_USER does not change it.
  crm team add NAME --role rep|manager|admin --password-stdin   a login (password on stdin, or asked on a terminal)
  crm team list | crm team role NAME ROLE | crm team rm NAME
  rep      changes own records          manager  changes everyone's
  admin    also stages, quotas, settings and the team
The server enforces the roles itself (grants, row-level security), in psql too; history is insert-only.
A refused write exits 5 with one line naming the owner. Writes that collide are run again, so none is lost.
On SQLite, crm team keeps a roster (you, every owner, everyone added) without passwords.
On both, an owner given to --owner, to quota set or in an import's owner column must be on the roster, or the
command exits 2 naming the closest name and the fix (crm team add NAME); --owner on lists and reports only reads,
and a name that owns nothing gives an empty answer.
The team's settings live in the database: currency, rates, fiscalYearStart, lostReasons and segments (config set writes
them there, in one journaled transaction; on a server only an admin may). Your own (user, db, locale, phoneCountry)
stay in your config file. A shared key still in your config file applies while the database has none for it;
once the database has one, the database's wins and crm config list says the file's is ignored.`,
  },
  environment: {
    summary: 'environment variables and where data lives',
    text: `Environment
  CRM_DB        database file, or postgres://... for a team server (--db wins over it; config "db" loses to it;
                set but empty counts as unset)
  CRM_USER      who you are: owner of new records, author in history (default: config "user", then login name)
  CRM_NOW       pin "now" for reproducible dates and reports
  CRM_NO_INPUT  never prompt (same as --no-input)
  CRM_DEBUG=1   stack traces on unexpected errors; report clv and campaign target --at-risk say when the
                spend fit ran without its worker thread (same figures, slower)
  CRM_BUSY_TIMEOUT  milliseconds a write waits for another writer before exit 4 (default 5000)
  NO_COLOR, FORCE_COLOR, TERM=dumb   colour control
  XDG_DATA_HOME     database default: $XDG_DATA_HOME/crm/crm.db (~/.local/share/crm/crm.db)
  XDG_CONFIG_HOME   config: $XDG_CONFIG_HOME/crm/config.json (~/.config/crm/config.json)
Where the data lives: --db PATH > CRM_DB > config "db" > the default; crm db path says which and why.
  The default location is created on first use, folders and all, quietly.
  A path you give must be in a folder that exists: otherwise exit 3 naming it, so a typo never starts an empty
  database in place of yours. A new file in an existing folder is created with a note on stderr
  ("note: created a new database at PATH"). --db "" is a usage error (exit 2), never a fall back to CRM_DB.
  A folder, a device such as /dev/null, or a file that is not a crm database exits 2.`,
  },
};
