// Makes dist/cache/<group>.v8, the V8 code cache bin/crm.js compiles the bundle with for a command line of that
// group: `node scripts/code-cache.mjs GROUP` runs the group's commands in one process, in a scratch home, and saves
// what V8 compiled for them. A cache holds only the functions that ran (a bigger one costs every command of its
// group more to deserialise), so each noun a user runs often has its own; every other command line gets `all`'s.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const migrate = ['db', 'migrate'];
const acme = ['company', 'add', 'Acme', '-q'];
const ann = ['contact', 'add', 'Ann Example', '--email', 'ann@example.com', '--company', 'Acme', '-q'];

/**
 * Each group's command lines, run in order on one new database, after its `setup` lines, which run in a process of
 * their own: what they compile stays out of the cache (a Tab never runs `contact add`, and a database is migrated
once, not by every command).
 */
export const GROUPS = new Map([
  ['contact', { setup: [acme], run: [ann, ['contact', 'show', 'Ann Example'], ['contact', 'edit', 'Ann Example', '--name', 'Ann Examples']] }],
  // A verb of its own (bin/crm.js VERBS): what a list compiles and no more.
  ['contact-list', { setup: [acme, ann], run: [['contact', 'list'], ['contact', 'list', '--json']] }],
  ['company', { setup: [migrate], run: [acme, ['company', 'list'], ['company', 'list', '--json'], ['company', 'show', 'Acme']] }],
  ['deal', { setup: [acme], run: [['deal', 'add', 'Acme renewal', '--company', 'Acme', '--amount', '1200', '-q'], ['deal', 'list'],
    ['deal', 'list', '--json'], ['deal', 'show', 'Acme renewal'], ['deal', 'win', 'Acme renewal']] }],
  ['report', { setup: [['demo', '--scale', '200']], run: [['report', 'pipeline'], ['report', 'forecast', '--json'],
    ['report', 'rfm', '--json'], ['report', 'churn']] }],
  ['complete', { setup: [acme, ann], run: [['__complete', 'contact', '--', 'A'], ['__complete', 'company', '--', '']] }],
  // Help, a typo, and every noun without a cache of its own.
  ['all', { setup: [acme], run: [['--help'], ['contact', '--help'], ['help', 'contact', 'add'], ['completion', 'bash'],
    ['search', 'Acme'], ['order', 'list'], ['followup', 'list']] }],
]);

/** Runs command lines in this process on the database in `home`; an exit code other than 0 stops the build. */
async function runAll(main, group, lines, home) {
  const env = { HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data'), CRM_USER: 'cache', TZ: 'UTC' };
  for (const argv of lines) {
    let err = '';
    const streams = {
      stdin: Readable.from([]),
      stdout: new Writable({ write: (_c, _e, done) => done() }),
      stderr: new Writable({ write: (c, _e, done) => { err += c; done(); } }),
    };
    const code = await main(['--db', join(home, 'crm.db'), ...argv], streams, env);
    if (code !== 0) throw new Error(`code cache ${group}: crm ${argv.join(' ')} exited ${code}: ${err}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [group, setupHome] = process.argv.slice(2);
  const lines = GROUPS.get(group);
  if (!lines) throw new Error(`no code cache group ${group}; one of ${[...GROUPS.keys()].join(', ')}`);
  const load = (cache) => createRequire(import.meta.url)('../bin/crm.js').load(group, { cache });
  if (setupHome) {
    await runAll(load(false).exports.main, group, lines.setup, setupHome);
  } else {
    const home = mkdtempSync(join(tmpdir(), 'crm-code-cache-'));
    try {
      if (lines.setup.length) execFileSync(process.execPath, [fileURLToPath(import.meta.url), group, home], { stdio: 'inherit' });
      const bundle = load(false);
      await runAll(bundle.exports.main, group, lines.run, home);
      if (!bundle.save()) throw new Error(`code cache ${group}: cannot write dist/cache`);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }
}
