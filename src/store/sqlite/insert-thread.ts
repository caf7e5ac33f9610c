import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { addonPath } from './addon.js';
import { type InsertInto, MultiRowInsert } from './multi-row-insert.js';

/** Rows sent to the thread in one message: fewer messages, and the thread is never long without work. */
const SENT_ROWS = 2000;

/** What the thread builds: a new file with these tables, filled, then these indexes. */
export interface ThreadFile { path: string; tables: string[]; indexes: string[]; targets: InsertInto[]; cacheKib: number; rowsPerStatement: number }

/**
 * The thread's program, a string run with `eval`: it starts the same from the bundle, whatever its layout, and from
 * the TypeScript sources the tests run. It makes the tables in a file of its own (private to it, so written without
 * a journal, as load-beside.ts writes), inserts the rows it is sent in one transaction, builds the indexes and says
 * when it is done; the first error ends it.
 */
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const { file } = workerData;
let db;
const fail = (e) => {
  try { db?.close(); } catch {}
  parentPort.postMessage({ error: e instanceof Error ? e.message : String(e) });
  parentPort.close();
};
try {
  db = new Database(file.path, { nativeBinding: workerData.addon });
  // Without the tables its rows refer to: references are checked once the rows are copied in.
  for (const p of ['foreign_keys = OFF', 'journal_mode = OFF', 'synchronous = OFF', 'locking_mode = EXCLUSIVE', 'cache_size = -' + file.cacheKib, 'temp_store = MEMORY']) db.pragma(p);
  for (const sql of file.tables) db.exec(sql);
  db.exec('begin');
} catch (e) {
  fail(e);
}
const statements = new Map();
const statement = (target, rows) => {
  const key = target + ':' + rows;
  let s = statements.get(key);
  if (!s) {
    const { head, row } = file.targets[target];
    s = db.prepare(head + ' values ' + Array.from({ length: rows }, () => row).join(', '));
    statements.set(key, s);
  }
  return s;
};
parentPort.on('message', (m) => {
  try {
    if (m.end) {
      for (const sql of file.indexes) db.exec(sql);
      db.exec('commit');
      db.close();
      parentPort.postMessage({ done: true });
      parentPort.close();
      return;
    }
    const width = file.targets[m.target].width;
    const per = file.rowsPerStatement;
    for (let at = 0; at < m.rows; at += per) {
      const n = Math.min(per, m.rows - at);
      statement(m.target, n).run(n === m.rows ? m.values : m.values.slice(at * width, (at + n) * width));
    }
  } catch (e) {
    fail(e);
  }
});
`;

/**
 * A second thread that writes some tables of a load into a file of their own while this one writes the rest: the
 * machine's second core inserts and sorts the index keys of a million orders. The file is then copied in whole pages
 * (see bulk.ts).
 */
export class InsertThread {
  private readonly worker: Worker;
  private readonly done: Promise<void>;

  constructor(private readonly file: ThreadFile) {
    const require = createRequire(import.meta.url);
    this.worker = new Worker(PROGRAM, { eval: true, workerData: { driver: require.resolve('better-sqlite3'), addon: addonPath(), file } });
    this.done = new Promise((resolve, reject) => {
      this.worker.on('message', (m: { done?: boolean; error?: string }) => {
        if (m.done) resolve();
        else if (m.error) reject(new Error(`the insert thread failed: ${m.error}`));
      });
      this.worker.on('error', reject);
      this.worker.on('exit', (code) => reject(new Error(`the insert thread ended (exit code ${code}) before it was done`)));
    });
    // A failure is reported by finish(); until then it must not count as unhandled.
    this.done.catch(() => {});
  }

  /** Rows for the thread's table `target` (its index in `targets`). */
  rows(target: number, after?: MultiRowInsert): MultiRowInsert {
    const { width } = this.file.targets[target]!;
    const send = (values: unknown[], rows: number) => this.worker.postMessage({ target, rows, values: values.length === rows * width ? values : values.slice(0, rows * width) });
    return new MultiRowInsert(send, width, after, SENT_ROWS);
  }

  /** Waits until every row sent is written and the indexes are built. */
  async finish(): Promise<void> {
    this.worker.postMessage({ end: true });
    await this.done;
  }

  /** Ends the thread at once (the load failed). */
  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
