import { readFileSync, statSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { ClientConfig } from 'pg';
import { CrmError } from '../../errors.js';
import type { Env } from '../../io/terminal.js';
import { redactUrl } from '../url.js';

/** Where and as whom to connect, resolved the way libpq does; the password is never part of a message. */
export interface ServerTarget {
  host: string;
  port: number;
  user: string;
  database: string;
  /** The URL without its password, as messages show it. */
  shown: string;
  config: ClientConfig;
}

const badUrl = (shown: string, why: string) => new CrmError('usage', `--db: ${shown} is not a PostgreSQL URL I can use (${why})`,
  'write it as postgres://USER@HOST:PORT/DATABASE, e.g. postgres://alice@db.example.com/crm', { field: '--db' });

function login(env: Env): string {
  if (env.USER) return env.USER;
  try {
    return userInfo().username;
  } catch {
    return 'postgres';
  }
}

/**
 * ~/.pgpass (or PGPASSFILE) as libpq reads it: host:port:database:user:password lines, `*` matching anything, `\`
 * escaping `:` and `\`; ignored unless only its owner may read it.
 */
export function pgpassLookup(env: Env, host: string, port: number, database: string, user: string): string | undefined {
  const file = env.PGPASSFILE || join(env.HOME || homedir(), '.pgpass');
  let text: string;
  try {
    const st = statSync(file);
    if (!st.isFile() || (st.mode & 0o077) !== 0) return undefined;
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  // A socket folder counts as "localhost" in .pgpass, as in libpq.
  const hostKey = host.startsWith('/') ? 'localhost' : host;
  for (const line of text.split(/\r?\n/)) {
    if (!line || line.startsWith('#')) continue;
    const fields: string[] = [];
    let cur = '';
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (c === '\\' && i + 1 < line.length) cur += line[++i];
      else if (c === ':' && fields.length < 4) { fields.push(cur); cur = ''; }
      else cur += c;
    }
    fields.push(cur);
    if (fields.length < 5) continue;
    const [h, p, d, u, pw] = fields as [string, string, string, string, string];
    const ok = (pattern: string, value: string) => pattern === '*' || pattern === value;
    if (ok(h, hostKey) && ok(p, String(port)) && ok(d, database) && ok(u, user)) return pw;
  }
  return undefined;
}

/**
 * A postgres:// URL plus libpq's environment (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE, PGOPTIONS, PGPASSFILE)
 * from `env` (what crm was given, not necessarily this process's), then ~/.pgpass, as node-postgres's config.
 * What the URL says wins; `?host=/socket/folder` and a percent-encoded socket folder as host work as in libpq.
 */
export function serverTarget(url: string, env: Env): ServerTarget {
  const shown = redactUrl(url);
  let u: URL;
  try {
    // WHATWG URL wants a host for a user part; libpq allows postgres://user@/db (the default host).
    u = new URL(url.trim().replace(/^postgres(ql)?:\/\//i, 'pg://').replace(/^pg:\/\/([^/@?#]*@)?(?=[/?#]|$)/, 'pg://$1localhost-default'));
  } catch {
    throw badUrl(shown, 'it does not parse');
  }
  const q = u.searchParams;
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      throw badUrl(shown, `"${s}" is not valid percent-encoding`);
    }
  };
  const urlHost = u.hostname === 'localhost-default' ? '' : decode(u.hostname);
  const host = q.get('host') || urlHost || env.PGHOST || 'localhost';
  const portText = q.get('port') || u.port || env.PGPORT || '5432';
  if (!/^\d{1,5}$/.test(portText)) throw badUrl(shown, `port "${portText}" is not a number`);
  const port = Number(portText);
  const user = q.get('user') || (u.username ? decode(u.username) : '') || env.PGUSER || login(env);
  const database = q.get('dbname') || decode(u.pathname.replace(/^\//, '')) || env.PGDATABASE || user;
  const given = q.get('password') ?? (u.password ? decode(u.password) : undefined) ?? env.PGPASSWORD;
  const sslmode = q.get('sslmode') || env.PGSSLMODE || 'prefer';
  let ssl: ClientConfig['ssl'];
  switch (sslmode) {
    case 'disable': case 'allow': case 'prefer': ssl = false; break;
    case 'require': case 'no-verify': ssl = { rejectUnauthorized: false }; break;
    case 'verify-ca': case 'verify-full': ssl = { rejectUnauthorized: true }; break;
    default: throw badUrl(shown, `sslmode "${sslmode}" is not one of disable, allow, prefer, require, verify-ca, verify-full`);
  }
  const config: ClientConfig = {
    host, port, user, database, ssl,
    // Asked only if the server wants one: the URL's, PGPASSWORD, else ~/.pgpass.
    password: async () => given ?? pgpassLookup(env, host, port, database, user) ?? '',
    application_name: q.get('application_name') || 'crm',
    // Sent only when given: a connection pooler (PgBouncer) refuses a startup packet with options it does not know.
    options: q.get('options') || env.PGOPTIONS || undefined,
    connectionTimeoutMillis: Number(q.get('connect_timeout') || env.PGCONNECT_TIMEOUT || 10) * 1000,
  };
  return { host, port, user, database, shown, config };
}
