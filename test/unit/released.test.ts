import { describe, expect, it } from 'vitest';
import { released } from '../../src/domain/released.js';

describe('released', () => {
  it('detaches the arrays, views that share a buffer included, and leaves the others alone', () => {
    const a = Float64Array.from([1, 2, 3]);
    const shared = new Int32Array(8);
    const view = shared.subarray(2, 4);
    const kept = Uint8Array.from([7]);
    released(a, shared, view);
    expect([a.length, shared.length, view.length, a.buffer.byteLength]).toEqual([0, 0, 0, 0]);
    expect([...kept]).toEqual([7]);
  });
});
