// Makes dist/cache/<group>.v8, the V8 code cache bin/bundle.cjs compiles the bundle with for a command line of that
// group: `node scripts/code-cache.mjs GROUP` runs the group's commands in one process, in a scratch home, and saves
// what V8 compiled for them. A cache holds only the functions that ran (a bigger one costs every command of its
// group more to deserialise), so each noun a user runs often has its own; every other command line gets `all`'s.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const ann = ['contact', 'add', 'Ann Example', '--email', 'ann@example.com', '--company', 'Acme', '-q'];
const acme = ['company', 'add', 'Acme', '-q'];

/** Each group's command lines, run in order on one new database. */
export const GROUPS = new Map([
  ['contact', [acme, ann, ['contact', 'list'], ['contact', 'list', '--json'], ['contact', 'show', 'Ann Example'],
    ['contact', 'edit', 'Ann Example', '--name', 'Ann Examples']]],
  ['company', [acme, ['company', 'list'], ['company', 'list', '--json'], ['company', 'show', 'Acme']]],
  ['complete', [acme, ann, ['__complete', 'contact', '--', 'A'], ['__complete', 'company', '--', '']]],
  ['all', [['--help'], ['contact', '--help'], ['help', 'contact', 'add'], ['completion', 'bash'], acme,
    ['deal', 'list'], ['search', 'Acme']]],
]);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const group = process.argv[2];
  const lines = GROUPS.get(group);
  if (!lines) throw new Error(`no code cache group ${group}; one of ${[...GROUPS.keys()].join(', ')}`);
  const home = mkdtempSync(join(tmpdir(), 'crm-code-cache-'));
  try {
    const bundle = createRequire(import.meta.url)('../bin/crm.js').load(group, { cache: false });
    const env = { HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data'), CRM_USER: 'cache', TZ: 'UTC' };
    for (const argv of lines) {
      let err = '';
      const streams = {
        stdin: Readable.from([]),
        stdout: new Writable({ write: (_c, _e, done) => done() }),
        stderr: new Writable({ write: (c, _e, done) => { err += c; done(); } }),
      };
      const code = await bundle.exports.main(['--db', join(home, 'crm.db'), ...argv], streams, env);
      if (code !== 0) throw new Error(`code cache ${group}: crm ${argv.join(' ')} exited ${code}: ${err}`);
    }
    if (!bundle.save()) throw new Error(`code cache ${group}: cannot write dist/cache`);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
