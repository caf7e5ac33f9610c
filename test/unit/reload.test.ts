import { describe, expect, it } from 'vitest';
import { reload } from '../../src/commands/reload.js';
import { CrmError } from '../../src/errors.js';

describe('reload', () => {
  it('returns the record, or fails as not found (exit 3) when it vanished before the write', async () => {
    expect(await reload(async (id) => ({ id }), 'deal', { id: 7, name: 'Big' })).toEqual({ id: 7 });
    const gone = (await reload(async () => undefined, 'deal', { id: 7, name: 'Big' }).catch((e: unknown) => e)) as CrmError;
    expect([gone.exitCode, gone.message]).toEqual([3, 'deal #7 Big no longer exists']);
  });
});
