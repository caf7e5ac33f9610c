import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { BIN, sandbox } from '../e2e/crm.js';
import { openTerminal, type Terminal } from '../pty/tmux.js';

export const SCRIPT_FILES = { bash: 'crm.bash', zsh: '_crm', fish: 'crm.fish' } as const;
export type Shell = keyof typeof SCRIPT_FILES;

const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * A user with a small CRM, `crm` on PATH (a wrapper around the built binary) and the scripts `crm completion` prints
 * now in `<home>/completions`: what the shells load. Names chosen for the cases: "Li Na" alone starts with Li and holds
 * a space; "Dup Name" is two contacts.
 */
export async function completionWorld() {
  const box = sandbox();
  const bin = join(box.home, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'crm'), `#!/bin/sh\nexec ${sq(process.execPath)} ${sq(BIN)} "$@"\n`);
  chmodSync(join(bin, 'crm'), 0o755);
  const env = { ...box.env, PATH: `${bin}:${box.env.PATH}` };
  const setup = [
    ['company', 'add', 'Globex', '--domain', 'globex.example'], ['company', 'add', 'Acme GmbH', '--tag', 'vip'],
    ['contact', 'add', 'Li Na', '--email', 'li@acme.example', '--company', 'Acme GmbH'], ['contact', 'add', 'Lars Berg'],
    ['contact', 'add', 'Dup Name', '--email', 'a@dup.example'], ['contact', 'add', 'Dup Name', '--email', 'b@dup.example'],
    ['deal', 'add', 'Globex rollout', '--company', 'Globex'], ['deal', 'add', 'Acme renewal', '--company', 'Acme GmbH'],
  ];
  for (const args of setup) {
    const r = await box.run([...args, '--no-input']);
    if (r.exitCode !== 0) throw new Error(`crm ${args.join(' ')}: ${r.stderr}`);
  }
  const dir = join(box.home, 'completions');
  mkdirSync(dir);
  for (const [shell, file] of Object.entries(SCRIPT_FILES)) writeFileSync(join(dir, file), (await box.run(['completion', shell])).stdout);
  const script = (shell: Shell) => join(dir, SCRIPT_FILES[shell]);

  /**
   * What bash's completion function replies for a line given as bash splits it (COMP_WORDS): words as typed, quotes
   * included, the last one up to the cursor.
   */
  async function bash(words: string[]): Promise<string[]> {
    const line = words.reduce((l, w, i) => (i === 0 || w === ':' || words[i - 1] === ':' ? l + w : `${l} ${w}`), '');
    const code = [
      `source ${sq(script('bash'))}`,
      `COMP_WORDS=(${words.map(sq).join(' ')}) COMP_CWORD=${words.length - 1} COMP_LINE=${sq(line)} COMP_POINT=${line.length}`,
      `_crm 2>/dev/null`,
      `printf '%s\\n' "\${COMPREPLY[@]}"`,
    ].join('\n');
    const r = await execa('bash', ['--norc', '--noprofile', '-c', code], { env, extendEnv: false, cwd: box.home });
    return String(r.stdout).split('\n').filter(Boolean).sort();
  }

  /** What fish offers for a command line (`complete -C`), as `value<TAB>description` lines. */
  async function fish(line: string): Promise<string[]> {
    const r = await execa('fish', ['--no-config', '-c', `source ${sq(script('fish'))}; complete -C ${sq(line)}`],
      { env, extendEnv: false, cwd: box.home });
    return String(r.stdout).split('\n').filter(Boolean);
  }

  return { ...box, env, script, bash, fish, terminal: (shell: Shell) => shellTerminal(shell, script(shell), env, box.home) };
}

const PROMPTS: Record<Shell, RegExp> = { bash: /^\$\s*$/, zsh: /^%\s*$/, fish: /^>\s*$/ };

/**
 * An interactive shell in tmux with the script loaded and a one-character prompt, for pressing Tab as a person does.
 * `fresh()` empties the line and the screen, so that what the next Tab shows is all there is.
 */
export async function shellTerminal(shell: Shell, script: string, env: Record<string, string>, home: string) {
  const argv: Record<Shell, string[]> = {
    bash: ['bash', '--noprofile', '--norc', '-i'],
    zsh: ['zsh', '-f', '-i'],
    fish: ['fish', '--no-config', '-i'],
  };
  const setup: Record<Shell, string> = {
    bash: `PS1='$ '; source ${sq(script)}`,
    zsh: `fpath=(${sq(join(script, '..'))} $fpath); autoload -Uz compinit; compinit -u -D; PROMPT='%% '`,
    fish: `source ${sq(script)}; function fish_prompt; echo -n '> '; end`,
  };
  const term: Terminal = await openTerminal(argv[shell], env, home);
  await term.waitFor(/\S/);
  await term.type(setup[shell]);
  await term.press('Enter');
  const fresh = async () => {
    await term.press('C-u', 'C-l');
    await term.waitFor(PROMPTS[shell]);
  };
  await fresh();
  /** Types `text`, presses Tab (`tabs` times) and waits for `what` on the screen; returns the screen. */
  const complete = async (text: string, what: string | RegExp, tabs = 1) => {
    await fresh();
    await term.type(text);
    await term.press(...Array<string>(tabs).fill('Tab'));
    return term.waitFor(what);
  };
  return { ...term, fresh, complete };
}
