import { notFound } from '../errors.js';

/**
 * A record loaded again inside the write: between the question (or the checks) and the write, another crm may have
 * deleted or merged it, which must end as "not found", not as a crash.
 */
export async function reload<T>(load: (id: number) => Promise<T | undefined>, kind: string, target: { id: number; name: string }): Promise<T> {
  const record = await load(target.id);
  if (record === undefined) throw notFound(`${kind} #${target.id} ${target.name} no longer exists`, 'another crm deleted or merged it meanwhile');
  return record;
}
