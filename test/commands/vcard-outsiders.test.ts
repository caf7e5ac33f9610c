import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pythonWith, runPython } from '../support/python.js';
import { sandbox } from '../support/inprocess.js';

const found = pythonWith(['vobject']);
if (found.missing) {
  const message = `crm's vCards cannot be checked by an outside reader: ${found.missing}`;
  if (process.env.CI === 'true') throw new Error(`${message} (CI=true: .ci/run installs it, so this is a broken CI machine)`);
  console.warn(`\n*** SKIPPED: ${message} ***\n`);
}

/** Every card as vobject reads it: each property's values (text unescaped, lists as lists), parameters and group. */
const READ = `
import json, sys, vobject
cards = []
for card in vobject.readComponents(open(sys.argv[1], encoding='utf-8').read()):
    props = {}
    for c in card.getChildren():
        v = c.value
        if c.name == 'N':
            v = [v.family, v.given, v.additional, v.prefix, v.suffix]
        props.setdefault(c.name, []).append({'value': v, 'params': c.params, 'group': c.group})
    cards.append(props)
print(json.dumps(cards, ensure_ascii=False))
`;

describe.skipIf(found.missing !== null)('vCards crm writes, read by python3-vobject', () => {
  it('gives back names, companies, titles, emails, phones, tags, notes and the manager, in 3.0 and 4.0', async () => {
    const { run, json, home } = sandbox();
    await run(['company', 'add', 'Acme; Sales, Inc.']);
    await run(['contact', 'add', 'Zhang Wei 张伟', '--email', 'zw@acme.example', '--company', '1', '--title', 'CEO']);
    const note = `Line one, with; a backslash \\ and a colon: here\nLine two: ${'张伟 Müller '.repeat(12)}end`;
    await run(['contact', 'add', 'Li, Na', '--email', 'li@acme.example', '--email', 'na@home.example', '--phone', '+49 30 1234567',
      '--company', '1', '--reports-to', 'Zhang Wei 张伟', '--title', 'Head of IT; EMAIL', '--tag', 'vip', '--tag', 'key-account', '--notes', note]);
    const [zhang, liNa] = [(await json(['contact', 'show', '1'])).uuid, (await json(['contact', 'show', '2'])).uuid];
    for (const version of ['3.0', '4.0']) {
      const uid = (u: string) => (version === '4.0' ? `urn:uuid:${u}` : u);
      const file = join(home, `team-${version}.vcf`);
      expect((await run(['export', 'vcard', '--version', version, '--output', file])).exitCode).toBe(0);
      const cards = runPython(found.python!, READ, [file]) as Record<string, { value: unknown; params: Record<string, string[]>; group: string | null }[]>[];
      const values = (card: (typeof cards)[number], name: string) => (card[name] ?? []).map((p) => p.value);
      expect(cards.map((c) => [values(c, 'VERSION'), values(c, 'FN'), values(c, 'N'), values(c, 'ORG'), values(c, 'TITLE'), values(c, 'EMAIL'),
        values(c, 'TEL'), values(c, 'CATEGORIES'), values(c, 'NOTE'), values(c, 'UID')])).toEqual([
        [[version], ['Li, Na'], [['Na', 'Li,', '', '', '']], [['Acme; Sales, Inc.']], ['Head of IT; EMAIL'], ['li@acme.example', 'na@home.example'],
          ['+49 30 1234567'], [['key-account', 'vip']], [note], [uid(liNa)]],
        [[version], ['Zhang Wei 张伟'], [['Zhang Wei 张伟', '', '', '', '']], [['Acme; Sales, Inc.']], ['CEO'], ['zw@acme.example'],
          [], [], [], [uid(zhang)]],
      ]);
      const li = cards[0]!;
      if (version === '3.0') {
        expect(li['EMAIL']![0]!.params).toEqual({ TYPE: ['INTERNET', 'pref'] });
        expect([li['X-ABRELATEDNAMES']![0]!.value, li['X-ABRELATEDNAMES']![0]!.group, li['X-ABLABEL']![0]!.value, li['X-ABLABEL']![0]!.group])
          .toEqual(['Zhang Wei 张伟', 'item1', '_$!<Manager>!$_', 'item1']);
      } else {
        expect(li['EMAIL']![0]!.params).toEqual({ PREF: ['1'] });
        expect(li['RELATED']).toEqual([{ value: 'Zhang Wei 张伟', group: null, params: { TYPE: ['x-manager'], VALUE: ['text'], 'X-CRM-UID': [zhang] } }]);
      }
    }
  });
});
