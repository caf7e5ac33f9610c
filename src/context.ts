import { userInfo } from 'node:os';
import { configFile } from './config/paths.js';
import { readConfig } from './config/file.js';
import { check, plainLine, rejected } from './domain/check.js';
import { CONFIG_DEFAULTS, type Config, type Shared, type SharedKey, sharedSettings } from './domain/config.js';
import { parseInstant } from './domain/instant.js';
import type { GlobalOptions } from './global-flags.js';
import { canPrompt, colorLevel, type Env, type Streams } from './io/terminal.js';
import type { PromptSettings, Prompter } from './io/prompter.js';
import { type DbLocation, locateDb, serverLogin } from './store/location.js';
import type { Store, Tx } from './store/store.js';

/**
 * What a command may use, each part created on first use: a command that never touches the database never
 * loads the driver, and `crm config path` never reads the config.
 */
export class Context {
  private globals: () => Partial<GlobalOptions> = () => ({});
  /** Set by a command whose output is data but whose result is a failure (e.g. `db check`). */
  exitCode = 0;
  private memo = new Map<string, unknown>();
  private openStore: Store | undefined;

  constructor(readonly streams: Streams, readonly env: Env, readonly argv: readonly string[]) {}

  /** The flags every command accepts, as the program parsed them (nothing before it has). */
  get global(): Partial<GlobalOptions> {
    return this.globals();
  }

  /** Where the global flags are read: the program that parses argv binds itself here. */
  readGlobalsFrom(read: () => Partial<GlobalOptions>): void {
    this.globals = read;
  }

  private once<T>(key: string, make: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, make());
    return this.memo.get(key) as T;
  }

  /** "Now", pinned by CRM_NOW for reproducible output. */
  get now(): Date {
    return this.once('now', () => (this.env.CRM_NOW ? parseInstant(this.env.CRM_NOW, 'CRM_NOW') : new Date()));
  }

  get configPath(): string {
    return configFile(this.env);
  }

  /** A person's own settings, from their config file; the shared ones come from shared(). */
  get config(): Omit<Config, SharedKey> {
    return this.configFile;
  }

  private get configFile(): Config {
    return this.once('config', () => readConfig(this.configPath));
  }

  /** On a team server the database login; else CRM_USER > config "user" > the login name. */
  get user(): string {
    return this.once('user', () => serverLogin(this.dbLocation, this.env)
      ?? ((this.env.CRM_USER && check(plainLine, this.env.CRM_USER, 'CRM_USER')) || this.config.user || safeLogin() || 'me'));
  }

  /**
   * The settings the team shares (currency, rates, fiscal year, lost reasons), read from the database in one query
   * the first time a command asks: commands that use none never open the database for them. A value in the config
   * file still applies to a key the database has none for (domain/config.ts SharedSource).
   */
  shared(): Promise<Shared> {
    return this.once('shared', async () => this.sharedWith(await (await this.store()).settings.all()));
  }

  /** The shared settings over what a database stores (`stored`, by key), for a reader with its own connection (completion). */
  sharedWith(stored: Readonly<Record<string, unknown>>): Shared {
    return sharedSettings(stored, this.configFile);
  }

  get locale(): string {
    return this.config.locale ?? CONFIG_DEFAULTS.locale;
  }

  get dbLocation(): DbLocation {
    return this.once('db', () => locateDb(this.global.db, this.env, this.config.db));
  }

  /** Points this run at another database (the demo's own file); only before the store is first opened. */
  useDatabase(location: DbLocation): void {
    if (this.openStore) throw new Error('database already open');
    this.memo.set('db', location);
  }

  get colorLevel() {
    return colorLevel(this.env, Boolean(this.streams.stdout.isTTY), this.global.color);
  }

  get stderrColorLevel() {
    return colorLevel(this.env, Boolean(this.streams.stderr.isTTY), this.global.color);
  }

  get interactive(): boolean {
    return canPrompt(this.streams, this.env, this.global.input);
  }

  /** The command line as typed, recorded with every change set. */
  get commandLine(): string {
    return ['crm', ...this.argv].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a))).join(' ');
  }

  /** How long a write waits for another writer: CRM_BUSY_TIMEOUT in milliseconds, default 5000. */
  get busyTimeoutMs(): number | undefined {
    const raw = this.env.CRM_BUSY_TIMEOUT;
    if (raw === undefined || raw === '') return undefined;
    if (!/^\d{1,7}$/.test(raw)) throw rejected('CRM_BUSY_TIMEOUT', raw, 'is not a number of milliseconds; use e.g. 5000');
    return Number(raw);
  }

  async store(): Promise<Store> {
    if (!this.openStore) {
      const { openStore } = await import('./store/open.js');
      const location = this.dbLocation;
      this.openStore = await openStore(location, this.now, this.busyTimeoutMs, this.env);
      // A path the user typed that named no file gets a new database, and a typo would go unnoticed without a word.
      if (this.openStore.created && location.source !== 'default') {
        const { createdDatabase } = await import('./output/views/notices.js');
        this.streams.stderr.write(`${createdDatabase(location.path)}\n`);
      }
    }
    return this.openStore;
  }

  /** Runs `fn` as one transaction and one journal change set, authored by the current user. */
  async write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const store = await this.store();
    return store.write({ actor: this.user, at: this.now.toISOString(), command: this.commandLine }, fn);
  }

  private get promptSettings(): PromptSettings {
    return { streams: this.streams, interactive: this.interactive, yes: Boolean(this.global.yes) };
  }

  async prompter(): Promise<Prompter> {
    const { createPrompter } = await import('./io/prompter.js');
    return createPrompter(this.promptSettings);
  }

  /**
   * For input the user left out (`missing`, named as on the command line): a prompter when someone is at a
   * terminal, else the usage error that tells a script what to pass (`usage`).
   */
  async ask(missing: string[], usage: string): Promise<Prompter> {
    const { createPrompter, missingInput } = await import('./io/prompter.js');
    if (!this.interactive) throw missingInput(missing, usage);
    return createPrompter(this.promptSettings);
  }

  close(): void {
    this.openStore?.close();
  }
}

function safeLogin(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    return undefined;
  }
}
