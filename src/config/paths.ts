import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Env } from '../io/terminal.js';

const home = (env: Env) => env.HOME || homedir();

export const configDir = (env: Env) => join(env.XDG_CONFIG_HOME || join(home(env), '.config'), 'crm');
export const configFile = (env: Env) => join(configDir(env), 'config.json');
export const dataDir = (env: Env) => join(env.XDG_DATA_HOME || join(home(env), '.local', 'share'), 'crm');
export const defaultDbPath = (env: Env) => join(dataDir(env), 'crm.db');

/** "~/x" in a config value means the user's home, as it would in a shell. */
export const expandHome = (path: string, env: Env) => (path.startsWith('~/') ? join(home(env), path.slice(2)) : path);
