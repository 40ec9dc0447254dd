// The capture index's id lookup: an open-addressing table over the id bytes the columns hold
// (capture-columns.ts), so finding a capture by id needs no string per row. A slot holds row + 1
// (0 empty, -1 removed); rows are those of the columns passed in, so the index rebuilds the
// table whenever rows move (compaction, reorder). The snapshot keeps a copy of `slots`.
import { hashBytes, sameBytes, slotsInUse, tableSizeFor } from './byte-hash';
import { LIVE as LIVE_, type CaptureColumns } from './capture-columns';

// module-local copy: an imported binding can be a getter call (tsx, vitest), and this is read per row
const LIVE: number = LIVE_;

export class CaptureIdTable {
  /** row + 1; 0 empty; -1 removed */
  slots: Int32Array = new Int32Array(1024);
  private slotsUsed = 0;
  private scratch = Buffer.allocUnsafe(256);

  /** the row of `c` that `id` names (a live one: killed rows are dropped), or -1 */
  rowOf(c: CaptureColumns, id: string): number {
    const n = this.encode(id);
    const mask = this.slots.length - 1;
    for (let slot = hashBytes(this.scratch, 0, n) & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot];
      if (held === 0) return -1;
      if (held > 0 && idIs(c, held - 1, this.scratch, n)) return held - 1;
    }
  }

  /**
   * A live row's id into the table; a row with the same id gives way (the newest wins, as a replay
   * would). Past half full the table is rebuilt from the live rows from `headRow` (`row` among them).
   */
  put(c: CaptureColumns, row: number, headRow: number, liveCount: number): void {
    if ((this.slotsUsed + 1) * 2 > this.slots.length)
      this.rebuild(c, headRow, liveCount); // rebuilds with `row` too
    else this.insert(c, row);
  }

  /** `row`'s id out of the table (its slot becomes a removed one) */
  drop(c: CaptureColumns, row: number): void {
    const mask = this.slots.length - 1;
    for (let slot = idHash(c, row) & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot];
      if (held === 0) return;
      if (held === row + 1) {
        this.slots[slot] = -1;
        return;
      }
    }
  }

  /** a new table of the live rows of `c` from `headRow` on, sized for `liveCount` + 1 */
  rebuild(c: CaptureColumns, headRow: number, liveCount: number): void {
    this.slots = new Int32Array(tableSizeFor(liveCount + 1));
    this.slotsUsed = 0;
    for (let r = headRow; r < c.rows; r++) if (c.flags[r] & LIVE) this.insert(c, r);
  }

  /** takes the table a snapshot held, if it fits `rows` rows (see slotsInUse); false when it does not */
  adopt(slots: Int32Array, rows: number): boolean {
    const used = slotsInUse(slots, rows, true);
    if (used === -1) return false;
    this.slots = slots;
    this.slotsUsed = used;
    return true;
  }

  private insert(c: CaptureColumns, row: number): void {
    const mask = this.slots.length - 1;
    const col = c.id;
    const start = col.start(row);
    const n = col.end(row, c.rows) - start;
    let free = -1;
    for (let slot = idHash(c, row) & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot];
      if (held === 0) {
        if (free === -1) {
          free = slot;
          this.slotsUsed++;
        }
        break;
      }
      if (held === -1) {
        if (free === -1) free = slot;
        continue;
      }
      if (sameBytes(col.bytes, col.start(held - 1), col.end(held - 1, c.rows), col.bytes, start, start + n)) {
        // the same id again: the older row stays in the columns but is found no more
        this.slots[slot] = row + 1;
        return;
      }
    }
    this.slots[free] = row + 1;
  }

  private encode(id: string): number {
    if (this.scratch.length < id.length * 3) this.scratch = Buffer.allocUnsafe(id.length * 3);
    return this.scratch.write(id, 0, 'utf8');
  }
}

function idIs(c: CaptureColumns, row: number, bytes: Uint8Array, n: number): boolean {
  const col = c.id;
  return sameBytes(col.bytes, col.start(row), col.end(row, c.rows), bytes, 0, n);
}

function idHash(c: CaptureColumns, row: number): number {
  const col = c.id;
  return hashBytes(col.bytes, col.start(row), col.end(row, c.rows));
}
