import { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { TOPICS } from '../../src/cli/topics.js';
import { bashScript } from '../../src/completion/bash.js';
import { fishScript } from '../../src/completion/fish.js';
import { allCommands, buildSpec, type CommandSpec, type CompletionSpec } from '../../src/completion/spec.js';
import { zshScript } from '../../src/completion/zsh.js';
import { Context } from '../../src/context.js';
import { ACTIVITY_TYPES } from '../../src/domain/activity.js';
import { BUYING_ROLES, CONSENTS, LIFECYCLES } from '../../src/domain/contact.js';
import { PRIORITIES } from '../../src/domain/followup.js';
import { FORECAST_CATEGORIES } from '../../src/domain/stage.js';
import { OUTPUT_FORMATS } from '../../src/output/format.js';

const crmSpec = async () => buildSpec(await buildProgram(new Context(process, {}, [])));
const whole = await crmSpec();

function find(spec: CompletionSpec, path: string): CommandSpec {
  const hit = allCommands(spec).find((c) => c.path.join(' ') === path);
  if (!hit) throw new Error(`no command "${path}"`);
  return hit.command;
}
const option = (c: CommandSpec, flag: string) => c.options.find((o) => o.flags.includes(flag));
const arg = (c: CommandSpec, name: string) => c.args.find((a) => a.name === name);

describe('the completion spec of crm', () => {
  const spec = whole;

  it('holds the command tree: commands, subcommands and aliases, without the hidden __complete', () => {
    const top = spec.root.commands.map((c) => c.name);
    expect(top).toEqual(expect.arrayContaining(['company', 'contact', 'deal', 'demo', 'report', 'completion', 'help']));
    expect(top).not.toContain('__complete');
    expect(find(spec, 'deal').commands.find((c) => c.name === 'list')?.aliases).toEqual(['ls']);
    expect(find(spec, 'log').commands.map((c) => c.name)).toEqual(expect.arrayContaining([...ACTIVITY_TYPES]));
  });

  it('keeps --json, --format, --db and the other root flags as global; --version only at the top', () => {
    expect(spec.global.map((o) => o.flags.join(' '))).toEqual(['--json', '--format', '-q --quiet', '--db', '--no-color', '--no-input', '-y --yes']);
    expect(spec.global.find((o) => o.flags.includes('--format'))?.value?.values).toEqual({ type: 'choices', choices: OUTPUT_FORMATS });
    expect(spec.global.find((o) => o.flags.includes('--db'))?.value?.values).toEqual({ type: 'files' });
    expect(spec.root.options.map((o) => o.flags.join(' '))).toEqual(['-V --version', '-h --help']);
  });

  it('maps arguments and options to live values by name, whether required or optional', () => {
    const move = find(spec, 'deal move');
    expect(move.args.map((a) => [a.name, a.values])).toEqual([
      ['deal', { type: 'live', kind: 'deal' }], ['stage', { type: 'live', kind: 'open-stage' }]]);
    expect(option(find(spec, 'deal add'), '--stage')?.value?.values).toEqual({ type: 'live', kind: 'open-stage' });
    expect(option(find(spec, 'deal list'), '--stage')?.value?.values).toEqual({ type: 'live', kind: 'stage' });
    expect(arg(find(spec, 'contact show'), 'contact')?.values).toEqual({ type: 'live', kind: 'contact' });
    expect(find(spec, 'contact merge').args.map((a) => a.values)).toEqual([{ type: 'live', kind: 'contact' }, { type: 'live', kind: 'contact' }]);
    expect(arg(find(spec, 'log call'), 'ref')?.values).toEqual({ type: 'live', kind: 'ref' });
    expect(arg(find(spec, 'history'), 'ref')?.values).toEqual({ type: 'live', kind: 'ref' });
    expect(arg(find(spec, 'order add'), 'customer')?.values).toEqual({ type: 'live', kind: 'customer' });
    expect(arg(find(spec, 'followup done'), 'followup')?.values).toEqual({ type: 'live', kind: 'followup' });
    expect(arg(find(spec, 'quota set'), 'owner')?.values).toEqual({ type: 'live', kind: 'owner' });
    const edit = find(spec, 'contact edit');
    expect(option(edit, '--reports-to')?.value?.values).toEqual({ type: 'live', kind: 'contact' });
    expect(option(edit, '--add-tag')).toMatchObject({ repeatable: true, value: { values: { type: 'live', kind: 'tag' } } });
    expect(option(find(spec, 'stage rm'), '--move-to')?.value?.values).toEqual({ type: 'live', kind: 'stage' });
    expect(option(find(spec, 'deal lose'), '--reason')?.value?.values).toEqual({ type: 'live', kind: 'reason' });
    expect(option(find(spec, 'order list'), '--customer')?.value?.values).toEqual({ type: 'live', kind: 'customer' });
    expect(option(find(spec, 'deal list'), '--owner')?.value?.values).toEqual({ type: 'live', kind: 'owner' });
  });

  it('offers enum values: choices() of commander, and the domain lists of flags that have none', () => {
    const add = find(spec, 'contact add');
    expect(option(add, '--role')?.value?.values).toEqual({ type: 'choices', choices: BUYING_ROLES });
    expect(option(add, '--lifecycle')?.value?.values).toEqual({ type: 'choices', choices: LIFECYCLES });
    expect(option(add, '--consent')?.value?.values).toEqual({ type: 'choices', choices: CONSENTS });
    expect(option(find(spec, 'deal add'), '--category')?.value?.values).toEqual({ type: 'choices', choices: FORECAST_CATEGORIES });
    expect(option(find(spec, 'followup add'), '--priority')?.value?.values).toEqual({ type: 'choices', choices: PRIORITIES });
    expect(option(find(spec, 'log list'), '--type')?.value?.values).toEqual({ type: 'choices', choices: ACTIVITY_TYPES });
    expect(arg(find(spec, 'completion'), 'shell')?.values).toEqual({ type: 'choices', choices: ['bash', 'zsh', 'fish'] });
    expect(arg(find(spec, 'config get'), 'key')?.values).toMatchObject({ type: 'choices', choices: expect.arrayContaining(['currency', 'lostReasons']) });
    expect(arg(find(spec, 'help'), 'words')?.values).toEqual({ type: 'choices',
      choices: [...spec.root.commands.map((c) => c.name).filter((n) => n !== 'help'), ...Object.keys(TOPICS)] });
    expect(arg(find(spec, 'report help'), 'command')?.values).toMatchObject({ choices: expect.arrayContaining(['forecast', 'rfm']) });
    expect(option(find(spec, 'report rfm'), '--segment')?.value?.values).toEqual({ type: 'live', kind: 'segment' });
  });

  it('has only plain words as fixed values, which every shell takes as they are', () => {
    const fixed = allCommands(spec).flatMap(({ command }) => [...command.options.map((o) => o.value?.values), ...command.args.map((a) => a.values)])
      .flatMap((v) => (v?.type === 'choices' ? v.choices : []));
    expect(fixed.length).toBeGreaterThan(50);
    expect(fixed.filter((c) => !/^[\w.@%+,/-]+$/.test(c))).toEqual([]);
  });

  it('completes every argument, or knows it as free text (a new argument must be placed in src/completion/values.ts)', () => {
    const free = allCommands(spec).flatMap(({ path, command }) =>
      command.args.filter((a) => a.values.type === 'none').map((a) => `${path.join(' ')} <${a.name}>`));
    expect(free.sort()).toEqual([
      'campaign add <name>', 'campaign edit <campaign>', 'campaign members <campaign>', 'campaign respond <campaign>', 'campaign rm <campaign>',
      'campaign show <campaign>', 'campaign target <campaign>', 'campaign touch <campaign>',
      'company add <name>', 'config set <value>', 'contact add <name>', 'deal add <title>', 'followup add <title>',
      'product add <code>', 'product show <product>', 'quota set <amount>', 'quota set <period>', 'report campaign <campaign>', 'search <text>', 'stage add <name>', 'team add <name>', 'undo <id>',
    ]);
  });

  it('gives the same scripts for the same tree, with nothing of the version or the environment in them', async () => {
    for (const make of [bashScript, zshScript, fishScript]) {
      const text = make(spec);
      expect(make(await crmSpec())).toBe(text);
      expect(text).not.toContain(process.env.HOME ?? '/nonexistent');
      expect(text).not.toMatch(/\d+\.\d+\.\d+/);
    }
  });
});

describe('the shell generators', () => {
  const program = new Command('crm').helpCommand(false).option('--db <path>', 'database');
  const thing = program.command('thing').description("things: it's [all] here");
  thing.command('list').alias('ls').description('list them')
    .addOption(new Option('--sort <field>', 'sort: by what').choices(['name', 'id']))
    .option('--owner <user>', 'owner');
  thing.command('show').argument('[deal]', 'a deal').argument('[words...]');
  const spec = buildSpec(program);

  it('bash: case tables with aliases, flags that take values, and one arm per action', () => {
    const bash = bashScript(spec);
    expect(bash).toContain(`'thing') _crm_subs='list ls show help' _crm_flags='-h --help' _crm_vflags='' _crm_args='' ;;`);
    expect(bash).toContain(`'thing list') _crm_subs='' _crm_flags='--sort --owner -h --help' _crm_vflags='--sort --owner' _crm_args='' ;;`);
    expect(bash).toContain(`'thing show') _crm_subs='' _crm_flags='-h --help' _crm_vflags='' _crm_args='deal words...' ;;`);
    expect(bash).toContain(`'thing ls') _crm_path='thing list' ;;`);
    expect(bash).toContain(`'thing list --sort') _crm_choices 'name' 'id' ;;`);
    expect(bash).toContain(`'thing list --owner') _crm_live owner ;;`);
    expect(bash).toContain(`'thing show <deal>') _crm_live deal ;;`);
    expect(bash).toContain(`'--db') _crm_files ;;`);
    expect(bash).toContain(`local _crm_gflags='--db' _crm_gvflags='--db'`);
    expect(bash).toMatch(/\ncomplete -F _crm crm$/);
  });

  it('zsh: one _arguments function per command, descriptions escaped, arguments by position', () => {
    const zsh = zshScript(spec);
    expect(zsh.startsWith('#compdef crm\n')).toBe(true);
    expect(zsh).toContain(`'thing:things: it'\\''s [all] here'`);
    expect(zsh).toContain(`'--sort=[sort\\: by what]:field:(name id)'`);
    expect(zsh).toContain(`'--owner=[owner]:user:{_crm_live owner}'`);
    expect(zsh).toContain(`'1:deal:{_crm_live deal}'`);
    expect(zsh).toContain(`'*:words: '`);
    expect(zsh).toContain('_crm__thing__ls() { _crm__thing__list "$@"; }');
    expect(zsh).toContain(`'--db=[database]:path:_files'`);
  });

  it('fish: complete entries conditioned on the command path, aliases resolved', () => {
    const fish = fishScript(spec);
    expect(fish).toContain(`complete -c crm -n '__crm_sub ""' -a 'thing' -d 'things: it\\'s [all] here'`);
    expect(fish).toContain(`complete -c crm -n '__crm_using "thing list"' -l sort -x -a 'name id' -d 'sort: by what'`);
    expect(fish).toContain(`complete -c crm -n '__crm_using "thing list"' -l owner -x -a '(__crm_live owner)' -d 'owner'`);
    expect(fish).toContain(`complete -c crm -n '__crm_arg "thing show" 1' -a '(__crm_live deal)'`);
    expect(fish).toContain(`complete -c crm -l db -r -F -d 'database'`);
    expect(fish).toMatch(/case 'thing ls'\n\s+echo 'thing list'/);
  });
});
