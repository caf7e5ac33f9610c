// npm run bench: startup and list cost as ratios to bare Node, measured in one run on this machine.
// Timings are medians of interleaved runs, so background load hits every command alike.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'crm.js');
const data = join(root, 'bench', '.data');
const runs = Number(process.env.BENCH_RUNS ?? 21);
rmSync(data, { recursive: true, force: true });
mkdirSync(data, { recursive: true });
const env = { ...process.env, HOME: data, XDG_CONFIG_HOME: join(data, 'config'), CRM_DB: join(data, 'contacts.db'), CRM_USER: 'bench', TZ: 'UTC' };

function crm(args) {
  const r = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`crm ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** 10,000 contacts over 1,000 companies with emails and tags, written straight into a migrated database. */
function seedContacts(n) {
  crm(['db', 'migrate']);
  const db = new Database(env.CRM_DB);
  const at = '2026-01-01T00:00:00.000Z';
  const stamp = { created_at: at, updated_at: at, created_by: 'bench', updated_by: 'bench' };
  const company = db.prepare(`insert into company (name, name_key, owner, created_at, updated_at, created_by, updated_by)
    values (@name, @key, 'bench', @created_at, @updated_at, @created_by, @updated_by)`);
  const contact = db.prepare(`insert into contact (name, name_key, title, company_id, lifecycle, consent, owner,
    created_at, updated_at, created_by, updated_by) values (@name, @key, @title, @company, 'lead', 'unknown', 'bench',
    @created_at, @updated_at, @created_by, @updated_by)`);
  const email = db.prepare('insert into contact_email (contact_id, email, position) values (?, ?, 0)');
  const tag = db.prepare("insert into tag (entity, entity_id, tag) values ('contact', ?, ?)");
  db.transaction(() => {
    for (let c = 1; c <= n / 10; c++) company.run({ name: `Company ${c}`, key: `company ${c}`, ...stamp });
    for (let i = 1; i <= n; i++) {
      const { lastInsertRowid: id } = contact.run({ name: `Person ${i}`, key: `person ${i}`, title: i % 3 ? 'Buyer' : null,
        company: (i % (n / 10)) + 1, ...stamp });
      email.run(id, `person${i}@example.com`);
      if (i % 4 === 0) tag.run(id, 'vip');
    }
  })();
  db.close();
}

function time(cmd) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, cmd, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

seedContacts(10_000);
const listed = JSON.parse(crm(['contact', 'list', '--json'])).length;
if (listed !== 10_000) throw new Error(`expected 10000 contacts, listed ${listed}`);

const cases = {
  'node -e 0': ['-e', '0'],
  'crm --version': [bin, '--version'],
  'crm contact list --json (10,000)': [bin, 'contact', 'list', '--json'],
};
const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (const args of Object.values(cases)) time(args); // warm the file cache
for (let i = 0; i < runs; i++) for (const [name, args] of Object.entries(cases)) samples[name].push(time(args));

const base = median(samples['node -e 0']);
const goals = { 'crm --version': 1.3, 'crm contact list --json (10,000)': 2.5 };
console.log(`median of ${runs} interleaved runs, node ${process.version}`);
for (const [name, xs] of Object.entries(samples)) {
  const ratio = median(xs) / base;
  const goal = goals[name] ? `  goal <= ${goals[name]}x ${ratio <= goals[name] ? 'met' : 'MISSED'}` : '';
  console.log(`${name.padEnd(36)} ${median(xs).toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}x node${goal}`);
}
