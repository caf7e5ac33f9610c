import type { TestProject } from 'vitest/node';
import { type Cluster, postgresBin, psql, startCluster } from './pg-cluster.js';

/** What a test needs to reach the suite's cluster (inject('pg')). */
export interface PgServer {
  bin: string;
  socket: string;
  port: number;
  superuser: string;
  template: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    pg: PgServer | null;
  }
}

let cluster: Cluster | undefined;

/**
 * The PostgreSQL project's setup: one throwaway cluster for the whole run, and a template database migrated once, from
 * which each sandbox's database is made (CREATE DATABASE ... TEMPLATE), so no test runs the migrations again.
 */
export async function setup(project: TestProject): Promise<void> {
  const bin = postgresBin();
  if (!bin) throw new Error('the postgres project runs only where initdb and pg_ctl are found');
  cluster = await startCluster(bin);
  // A run that ends early (Ctrl-C, a closed pipe) still stops its cluster and removes its folder.
  const stopOnce = () => {
    const c = cluster;
    cluster = undefined;
    c?.stop();
  };
  process.once('exit', stopOnce);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      stopOnce();
      process.exit(130);
    });
  }
  const template = 'crm_template';
  const r = await psql(cluster, cluster.superuser, 'postgres', `create database ${template}`);
  if (r.code !== 0) throw new Error(r.stderr);
  const { openPgStore } = await import('../../src/store/postgres/store.js');
  const url = `postgresql:///${template}?host=${encodeURIComponent(cluster.socket)}&port=${cluster.port}&user=${cluster.superuser}`;
  const store = await openPgStore(url, {});
  await new Promise((resolve) => setTimeout(resolve, 0));
  await (store as unknown as { client: { end(): Promise<void> } }).client.end();
  project.provide('pg', { bin, socket: cluster.socket, port: cluster.port, superuser: cluster.superuser, template });
}

export async function teardown(): Promise<void> {
  const c = cluster;
  cluster = undefined;
  c?.stop();
}
