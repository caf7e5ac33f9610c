/** `a` with twice the room, what it holds kept: how the columns that a scan or a fit fills make room. */
export function grown<T extends Float64Array | Int32Array | Uint8Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}
