import type { Theme } from './theme.js';

const same = (s: string) => s;

/** The theme without colour (a pipe, NO_COLOR, --no-color): what chalk at level 0 gives, without loading chalk. */
export const PLAIN: Theme = { header: same, dim: same, id: same, error: same, warn: same, ok: same, title: same };

/** The theme for `level`: chalk's only when there is colour to draw. */
export async function themeFor(level: 0 | 1 | 2 | 3): Promise<Theme> {
  return level === 0 ? PLAIN : (await import('./theme.js')).theme(level);
}
