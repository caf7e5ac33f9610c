// The floor for `crm order import`: the sqlite3 shell doing the same work on the same file, so that the import's cost
// can be given as a ratio to SQLite itself on this machine rather than as a rate that moves with the machine's load.
//
// importFloor({ csv, db, bin, env }) -> seconds: makes `db` empty with crm's schema by running crm itself (`db migrate`,
// not timed), then times one sqlite3 process that, in one transaction, loads the CSV into a temp table (`.import
// --csv`), creates a company for each customer the file names (in order of first appearance, as crm does under
// --create-customers company) with its search-index row and its history entry, inserts every order with its company's
// id into the real `orders` table (all its indexes in place, a reference stored already skipped), and writes the
// import's own history entry. The connection gets the pragmas crm's import connection has (synchronous, foreign keys,
// page cache): the same durability for the committed result, the same memory.
//
// Run alone: node bench/import-floor.mjs [CSV] [RUNS]: without CSV, bench/value.mjs's 1,000,000 synthetic orders of
// 100,000 customers. Runs crm's import and the floor interleaved RUNS times (default 5) on new databases and prints
// each run, the medians and the ratio. Build first (npm run build).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const q = (s) => `'${String(s).replaceAll("'", "''")}'`;
/** A version 4 UUID in SQL, as crypto.randomUUID() makes them (the shell has no uuid()). */
const UUID = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
  || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;

/** Minor units from a decimal amount, as crm reads "426.28" or "-5.00" (two-digit currencies). */
const MINOR = `cast(round(cast(r.amount as real) * 100) as integer)`;

/** The shell script: the same rows crm's import writes, in one transaction. */
function script({ csv, actor, at, command, currency, file }) {
  const stamps = `${q(at)}, ${q(at)}, ${q(actor)}, ${q(actor)}`;
  return `
.bail on
pragma foreign_keys = on;
pragma synchronous = normal;
pragma cache_size = -65536;
begin;
create temp table raw (customer text, date text, amount text, reference text);
.import --csv --skip 1 ${csv} raw
insert into change_set (at, actor, command) values (${q(at)}, ${q(actor)}, ${q(command)});
create temp table import (first_order integer, first_company integer, change_set integer);
insert into import values ((select coalesce(max(id), 0) + 1 from orders), (select coalesce(max(id), 0) + 1 from company),
  (select max(id) from change_set));

-- A company for each customer no company names by external id, in the order the file first names them.
insert into company (name, name_key, owner, external_id, uuid, created_at, updated_at, created_by, updated_by)
  select r.customer, lower(trim(r.customer)), ${q(actor)}, r.customer, ${UUID}, ${stamps}
  from raw r where r.rowid in (select min(rowid) from raw group by customer)
    and not exists (select 1 from company c where c.external_id = r.customer)
  order by r.rowid;
insert into search_index (rowid, kind, ref_id, title, body)
  select id * 8 + 1, 'company', id, name, '' from company where id >= (select first_company from import);
insert into journal (change_set_id, entity, entity_id, action, before, after, row_image)
  select (select change_set from import), 'company', id, 'create', null,
    json_object('id', id, 'name', name, 'domain', null, 'industry', null, 'size', null, 'address', null, 'wallet', null,
      'currency', null, 'tags', json('[]'), 'owner', owner, 'notes', null, 'externalId', external_id, 'uuid', uuid,
      'createdAt', created_at, 'updatedAt', updated_at, 'createdBy', created_by, 'updatedBy', updated_by),
    json_object('after', json_object('company', json_array(json_object('id', id, 'name', name, 'name_key', name_key,
      'domain', domain, 'industry', industry, 'size', size, 'address', address, 'wallet_minor', wallet_minor,
      'currency', currency, 'owner', owner, 'notes', notes, 'external_id', external_id, 'created_at', created_at,
      'updated_at', updated_at, 'created_by', created_by, 'updated_by', updated_by, 'uuid', uuid)), 'tag', json('[]')))
  from company where id >= (select first_company from import) order by id;

-- Every order, its customer found by external id; one whose reference is stored already is skipped.
insert into orders (company_id, contact_id, ordered_on, amount_minor, currency, reference, source, uuid, created_at,
    updated_at, created_by, updated_by)
  select c.id, null, r.date, ${MINOR}, ${q(currency)}, nullif(r.reference, ''), 'import', ${UUID}, ${stamps}
  from raw r join company c on c.external_id = r.customer order by r.rowid
  on conflict (reference) do nothing;

insert into journal (change_set_id, entity, entity_id, action, before, after)
  select i.change_set, 'import', i.first_order, 'create', null, json_object('file', ${q(file)}, 'rows', (select count(*) from raw),
    'duplicates', (select count(*) from raw) - (select count(*) from orders where id >= i.first_order),
    'newCustomers', (select count(*) from company where id >= i.first_company),
    'imported', (select count(*) from orders where id >= i.first_order),
    'skipped', (select count(*) from raw) - (select count(*) from orders where id >= i.first_order),
    'firstOrderId', i.first_order, 'lastOrderId', (select max(id) from orders),
    'createdCustomers', json_object('kind', 'company', 'firstId', i.first_company, 'lastId', (select max(id) from company)))
  from import i;
commit;
`;
}

const hasTime = existsSync('/usr/bin/time');

/**
 * Runs a command and returns its wall seconds, and its CPU seconds (user + system, from /usr/bin/time where the machine
 * has it): on a machine others load, the CPU time moves less than the wall time.
 */
function timed(argv, options) {
  const full = hasTime ? ['/usr/bin/time', '-f', 'crm-bench-cpu %U %S', ...argv] : argv;
  const start = process.hrtime.bigint();
  const r = spawnSync(full[0], full.slice(1), { encoding: 'utf8', maxBuffer: 1 << 26, ...options });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const times = /crm-bench-cpu (\S+) (\S+)\s*$/.exec(r.stderr ?? '');
  const stderr = (r.stderr ?? '').replace(/crm-bench-cpu .*\s*$/, '');
  return { r: { ...r, stderr }, wall, cpu: times ? Number(times[1]) + Number(times[2]) : null };
}

/** Seconds the sqlite3 shell takes to import `csv` into a new crm database at `db` (see the top of this file). */
export function importFloor(options) {
  return importFloorRun(options).wall;
}

/** importFloor's wall seconds, with the CPU seconds (null where /usr/bin/time is missing). */
export function importFloorRun({ csv, db, bin = join(root, 'bin', 'crm.js'), env = process.env }) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
  const made = spawnSync(process.execPath, [bin, 'db', 'migrate', '--db', db], { env, encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`crm db migrate failed: ${made.stderr}`);
  const input = script({
    csv: resolve(csv), file: basename(csv), actor: env.CRM_USER ?? 'bench', at: new Date().toISOString(),
    command: `crm order import ${basename(csv)} --create-customers company`, currency: 'USD',
  });
  const { r, wall, cpu } = timed(['sqlite3', db], { input });
  if (r.status !== 0 || r.stderr) throw new Error(`sqlite3 failed: ${r.stderr || r.error}`);
  return { wall, cpu };
}

/** Wall and CPU seconds of `crm order import` on a new database (the command as the bench runs it, startup included). */
export function crmImport({ csv, db, bin = join(root, 'bin', 'crm.js'), env = process.env }) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
  const { r, wall, cpu } = timed([process.execPath, bin, 'order', 'import', csv, '--create-customers', 'company', '--db', db, '--json'], { env });
  if (r.status !== 0) throw new Error(`crm order import failed: ${r.stderr}`);
  return { wall, cpu };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const data = join(root, 'bench', '.data', 'import-floor');
  mkdirSync(data, { recursive: true });
  let csv = process.argv[2];
  if (!csv) {
    csv = join(data, 'synthetic.csv');
    const { syntheticOrders } = await import('./value.mjs');
    syntheticOrders(csv);
  }
  const runs = Number(process.argv[3] ?? 5);
  const env = { ...process.env, HOME: data, XDG_CONFIG_HOME: join(data, 'config'), CRM_USER: 'bench', TZ: 'UTC' };
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const crm = [];
  const floor = [];
  const cpu = (x) => (x.cpu === null ? '' : ` (CPU ${x.cpu.toFixed(2)} s)`);
  for (let i = 0; i < runs; i++) {
    crm.push(crmImport({ csv, db: join(data, 'crm.db'), env }));
    floor.push(importFloorRun({ csv, db: join(data, 'floor.db'), env }));
    console.log(`run ${i + 1}: crm ${crm.at(-1).wall.toFixed(2)} s${cpu(crm.at(-1))}, sqlite3 ${floor.at(-1).wall.toFixed(2)} s${cpu(floor.at(-1))},`
      + ` ratio ${(crm.at(-1).wall / floor.at(-1).wall).toFixed(2)}x`);
  }
  const [cw, fw] = [median(crm.map((x) => x.wall)), median(floor.map((x) => x.wall))];
  console.log(`median of ${runs} interleaved runs: crm order import ${cw.toFixed(2)} s, sqlite3 shell ${fw.toFixed(2)} s,`
    + ` ratio ${(cw / fw).toFixed(2)}x (goal <= 1.05x)`);
  if (crm[0].cpu !== null) {
    const [cc, fc] = [median(crm.map((x) => x.cpu)), median(floor.map((x) => x.cpu))];
    console.log(`CPU seconds (user + system), medians: crm ${cc.toFixed(2)} s, sqlite3 shell ${fc.toFixed(2)} s, ratio ${(cc / fc).toFixed(2)}x`);
  }
  rmSync(data, { recursive: true, force: true });
}
