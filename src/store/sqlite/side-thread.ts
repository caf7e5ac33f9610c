import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { forLoading, LOAD_CACHE_KIB, SORT_CACHE_KIB } from './load-beside.js';
import { type InsertInto, MultiRowInsert, ROWS_PER_STATEMENT } from './multi-row-insert.js';

/** Rows sent to the thread in one message: fewer messages, and the thread is never long without work. */
const SENT_ROWS = 2000;

/**
 * A table the thread writes: its insert, and how many rows a statement takes (`perStatement`: the search index
 * takes one, see bulk.ts).
 */
export interface SideTable extends InsertInto { perStatement?: number }

/**
 * What the thread writes: a private copy of the empty database (load-beside.ts), and the indexes (name, SQL) it
 * drops first and builds after the last row.
 */
export interface SideFile { path: string; tables: SideTable[]; indexes: [string, string][]; fixed: Record<string, unknown> }

/**
 * The thread's program, run from its text as clv's spend fit is (io/spend-fit.ts): it starts the same from the
 * bundle, whatever its layout, and from the TypeScript sources the tests run. It sets its file up as the load's own
 * (forLoading, written out from its text), drops the indexes it is told to, writes the rows it is sent, in the
 * order sent, builds the indexes again and checks the references among its tables, all in one transaction, and says
 * when it is done; the first error ends it.
 */
function program(): string {
  return `const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const forLoading = ${forLoading};
const { file } = workerData;
let db;
let failed = false;
const fail = (e) => {
  failed = true;
  try { db?.close(); } catch {}
  parentPort.postMessage({ error: e instanceof Error ? e.message : String(e) });
  parentPort.close();
};
const statements = new Map();
const statement = (target, rows) => {
  const key = target + ':' + rows;
  let s = statements.get(key);
  if (!s) {
    const { head, row } = file.tables[target];
    s = db.prepare(head + ' values ' + Array.from({ length: rows }, () => row).join(', '));
    statements.set(key, s);
  }
  return s;
};
parentPort.on('message', (m) => {
  if (failed) return;
  try {
    if (m.end) {
      db.pragma('cache_size = -' + ${SORT_CACHE_KIB});
      for (const [, sql] of file.indexes) db.exec(sql);
      const broken = db.pragma('foreign_key_check');
      if (broken.length) throw new Error('the demo wrote ' + broken.length + ' rows pointing at no record (the first: ' + JSON.stringify(broken[0]) + ')');
      db.exec('commit');
      db.close();
      parentPort.postMessage({ done: true });
      parentPort.close();
      return;
    }
    const { width, perStatement } = file.tables[m.target];
    const per = perStatement ?? ${ROWS_PER_STATEMENT};
    for (let at = 0; at < m.rows; at += per) {
      const n = Math.min(per, m.rows - at);
      statement(m.target, n).run(n === m.rows ? m.values : m.values.slice(at * width, (at + n) * width), file.fixed);
    }
  } catch (e) {
    fail(e);
  }
});
try {
  db = new Database(file.path);
  forLoading(db, ${LOAD_CACHE_KIB});
  // References are checked at the end, as bulk.ts checks them (better-sqlite3 turns the checks on for every row).
  db.pragma('foreign_keys = OFF');
  db.exec('begin');
  for (const [name] of file.indexes) db.exec('drop index "' + name + '"');
} catch (e) {
  fail(e);
}
`;
}

/**
 * A second thread that writes some tables of a load into a file of their own while this thread writes the rest
 * (bulk.ts copies them in when both are done): the machine's second core inserts those rows and builds the search
 * index. Rows are sent as the flat arrays MultiRowInsert collects, which cost little to copy between threads.
 */
export class SideThread {
  private readonly worker: Worker;
  private readonly done: Promise<void>;

  constructor(private readonly file: SideFile) {
    // better-sqlite3 from disk, as the thread cannot share the bundle's copy; it finds its addon by itself.
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(program(), { eval: true, workerData: { driver, file } });
    this.done = new Promise((resolve, reject) => {
      this.worker.on('message', (m: { done?: boolean; error?: string }) => {
        if (m.done) resolve();
        else if (m.error) reject(new Error(`the demo's second thread failed: ${m.error}`));
      });
      this.worker.on('error', reject);
      this.worker.on('exit', (code) => reject(new Error(`the demo's second thread ended (exit code ${code}) before it was done`)));
    });
    // A failure is reported by finish(); until then it must not count as unhandled.
    this.done.catch(() => {});
  }

  /** Rows for the thread's table `target` (its index in `tables`), written after those of `after`. */
  rows(target: number, after?: MultiRowInsert): MultiRowInsert {
    const { width } = this.file.tables[target]!;
    const send = (values: unknown[], rows: number) => this.worker.postMessage({ target, rows, values: values.length === rows * width ? values : values.slice(0, rows * width) });
    return new MultiRowInsert(send, width, after, SENT_ROWS);
  }

  /** Says that every row is sent: the thread builds the indexes and closes the file. */
  end(): void {
    this.worker.postMessage({ end: true });
  }

  /** Waits until the thread has closed its file, after `end`. */
  async finished(): Promise<void> {
    await this.done;
  }

  /** Ends the thread at once (the load failed). */
  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
