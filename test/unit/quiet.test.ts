import { describe, expect, it } from 'vitest';
import { renderForMachines } from '../../src/output/machine.js';
import { type Column, list, record, value } from '../../src/output/view.js';

const columns: Column[] = [{ header: 'Name', key: 'name', value: (r) => r.name }];

describe('-q in the renderer', () => {
  it('prints the ids of a list or a record, nothing for an empty list', () => {
    expect(renderForMachines(list([{ id: 2, name: 'a' }, { id: 1, name: 'b' }], columns), 'plain', true, false)).toBe('2\n1\n');
    expect(renderForMachines(record({ id: 7, name: 'a' }, columns), 'json', true, false)).toBe('7\n');
    expect(renderForMachines(list([], columns), 'plain', true, false)).toBe('');
  });

  it('refuses an output without ids, whichever command a spec forgot to mark', () => {
    const outputs = [list([{ key: 'currency' }], columns), record({ asOf: '2026-03-11' }, columns), value('/tmp/crm.db', '/tmp/crm.db'),
      { kind: 'none' as const }, { kind: 'tree' as const, data: {}, root: 'Acme', nodes: [] }];
    for (const out of outputs) {
      expect(() => renderForMachines(out, 'plain', true, false), out.kind).toThrow(
        '-q needs a command that lists records; this command lists none');
    }
  });
});
