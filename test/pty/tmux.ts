import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';

export interface Terminal {
  /** Types text literally (no key names). */
  type(text: string): Promise<void>;
  /** Presses keys by tmux name: Enter, Tab, Down, C-c, BSpace, ... */
  press(...keys: string[]): Promise<void>;
  /** Waits until the screen shows `what`, and returns the screen; fails with the screen when it never does. */
  waitFor(what: string | RegExp, timeoutMs?: number): Promise<string>;
  screen(): Promise<string>;
  /** Waits for the program to end and returns its exit status. */
  exitCode(timeoutMs?: number): Promise<number>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `argv` in a real pseudo-terminal: a private tmux server (own socket, no user config), so tests see what a
 * person sees and type what a person types. The pane stays after the program ends, to read its exit status.
 */
export async function openTerminal(argv: string[], env: Record<string, string>, cwd: string): Promise<Terminal> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-tty-'));
  const socket = join(dir, 'tmux.sock');
  const conf = join(dir, 'tmux.conf');
  writeFileSync(conf, 'set -g remain-on-exit on\nset -g status off\nset -g history-limit 2000\n');
  const tmuxEnv = { ...env, TERM: 'xterm-256color' };
  const tmux = (...args: string[]) =>
    execa('tmux', ['-S', socket, '-f', conf, ...args], { env: tmuxEnv, extendEnv: false, cwd, reject: false });
  // tmux does not always learn a dead pane's exit status, so a shell writes it down.
  const statusFile = join(dir, 'status');
  // It then waits, so the screen stays as the program left it until close() (a dead pane may lose its last lines).
  const wrapped = ['sh', '-c', `"$@"; echo $? > '${statusFile}'; exec sleep 600`, 'sh', ...argv];
  const started = await tmux('new-session', '-d', '-x', '120', '-y', '40', '-s', 'crm', '--', ...wrapped);
  if (started.exitCode !== 0) throw new Error(`tmux did not start: ${started.stderr}`);

  const screen = async () => String((await tmux('capture-pane', '-p', '-t', 'crm')).stdout);
  const poll = async <T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const got = await probe();
      if (got !== undefined) return got;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen:\n${await screen()}`);
      await sleep(40);
    }
  };
  return {
    async type(text) {
      await tmux('send-keys', '-t', 'crm', '-l', text);
    },
    async press(...keys) {
      for (const k of keys) await tmux('send-keys', '-t', 'crm', k);
    },
    waitFor(what, timeoutMs = 15000) {
      return poll(async () => {
        const s = await screen();
        return (typeof what === 'string' ? s.includes(what) : what.test(s)) ? s : undefined;
      }, timeoutMs, String(what));
    },
    screen,
    exitCode(timeoutMs = 15000) {
      return poll(async () => {
        const status = readText(statusFile);
        return status.endsWith('\n') ? Number(status) : undefined;
      }, timeoutMs, 'the program to exit');
    },
    async close() {
      await tmux('kill-server');
    },
  };
}

/** The text of a file the program wrote, or '' when it has not (yet). */
export const readText = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};
