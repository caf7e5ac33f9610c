import { describe, expect, it } from 'vitest';
import { randomUuid } from '../../src/store/uuid.js';

describe('randomUuid', () => {
  it('makes version-4 UUIDs, all different, across more than one read of random bytes', () => {
    const made = Array.from({ length: 1000 }, () => randomUuid());
    for (const u of made) expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(made).size).toBe(1000);
    // Random bits, not a counter: each of the 122 random bits is set in some UUID and clear in another.
    const hex = made.map((u) => u.replaceAll('-', ''));
    for (let i = 0; i < 32; i++) {
      if (i === 12) continue; // the version digit
      expect(new Set(hex.map((h) => h[i])).size, `digit ${i}`).toBeGreaterThan(3);
    }
  });
});
