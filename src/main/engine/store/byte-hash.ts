// FNV-1a over bytes, for the open-addressing tables of the capture index (ids, header lines).
export function hashBytes(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

export function sameBytes(a: Uint8Array, aFrom: number, aTo: number, b: Uint8Array, bFrom: number, bTo: number): boolean {
  if (aTo - aFrom !== bTo - bFrom) return false;
  for (let i = 0; i < aTo - aFrom; i++) if (a[aFrom + i] !== b[bFrom + i]) return false;
  return true;
}

/** a power of two at least twice `count` */
export function tableSizeFor(count: number): number {
  let size = 1024;
  while (size < count * 2) size *= 2;
  return size;
}

/**
 * A table a snapshot held (slots: 0 empty, -1 removed when `removed`, else id + 1 <= count):
 * the slots in use, or -1 when it is not a table for `count` ids.
 */
export function slotsInUse(table: Int32Array, count: number, removed: boolean): number {
  const size = table.length;
  if (size < 1024 || size & (size - 1) || size < count * 2) return -1;
  let used = 0;
  for (let i = 0; i < size; i++) {
    const held = table[i];
    if (held === 0) continue;
    if (held > count || held < (removed ? -1 : 1)) return -1;
    used++;
  }
  return used;
}
