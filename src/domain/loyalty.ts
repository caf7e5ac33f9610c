/**
 * Griffin's loyalty matrix (analytics.md): repeat purchase is high when the F score is 4 or more; attitude is strong
 * when the latest satisfaction score recorded on the customer's activities is 4 or 5. Customers without a score
 * have an unknown attitude and are listed as such, never guessed.
 */
export type Quadrant = 'sustained' | 'latent' | 'inertia' | 'none' | 'unknown attitude';

export const PROGRAMME: Record<Quadrant, string> = {
  sustained: 'loyalty programme: reward and keep them close',
  latent: 'attract: give them reasons to buy more often',
  inertia: 'retain: they buy out of habit; build a real preference before a competitor does',
  none: 'let go: spend little on them',
  'unknown attitude': 'ask: log a satisfaction score on their next call or meeting',
};

export function quadrant(f: number, satisfaction: number | null): { repeat: 'high' | 'low'; attitude: 'strong' | 'weak' | 'unknown'; quadrant: Quadrant } {
  const repeat = f >= 4 ? 'high' : 'low';
  if (satisfaction === null) return { repeat, attitude: 'unknown', quadrant: 'unknown attitude' };
  const attitude = satisfaction >= 4 ? 'strong' : 'weak';
  const q: Quadrant = repeat === 'high' ? (attitude === 'strong' ? 'sustained' : 'inertia') : attitude === 'strong' ? 'latent' : 'none';
  return { repeat, attitude, quadrant: q };
}
