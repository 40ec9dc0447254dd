// The distinct header lines of all captures, once each: lower-cased "name: value\n" as UTF-8, end
// to end in one byte arena, with a hash table to find a line again. Captures hold lists of line
// ids (header lines repeat heavily: "content-type: application/json" once, not a million times).
// A header search scans the distinct lines once and then tests captures by their ids.
import { hashBytes, sameBytes, slotsInUse, tableSizeFor } from './byte-hash';
import { anyPlace, eachEntryHolding, TextColumn } from './row-arenas';

export class HeaderLines {
  private lines = new TextColumn(1024, 64 * 1024);
  private count = 0;
  private table: Int32Array = new Int32Array(1024); // line id + 1; 0: empty
  private scratch = Buffer.allocUnsafe(4096);

  get size(): number {
    return this.count;
  }

  /** the id of `line` (lower-cased, as headerLine gives it), added when new */
  intern(line: string): number {
    if (this.scratch.length < line.length * 3) this.scratch = Buffer.allocUnsafe(line.length * 3);
    const n = this.scratch.write(line, 0, 'utf8');
    const mask = this.table.length - 1;
    let slot = hashBytes(this.scratch, 0, n) & mask;
    for (let held = this.table[slot]; held !== 0; held = this.table[slot]) {
      const id = held - 1;
      if (sameBytes(this.lines.bytes, this.lines.start(id), this.lines.end(id, this.count), this.scratch, 0, n)) return id;
      slot = (slot + 1) & mask;
    }
    const id = this.count++;
    this.lines.push(id, line);
    this.table[slot] = id + 1;
    if (this.count * 2 > this.table.length) this.rehash();
    return id;
  }

  line(id: number): string {
    return this.lines.text(id, this.count);
  }

  /** 1 for each line that holds `needle` (UTF-8 bytes with no line break before its last byte) */
  holding(needle: Buffer): Uint8Array {
    const out = new Uint8Array(this.count);
    const lines = this.lines;
    eachEntryHolding(
      lines.bytes.subarray(0, lines.used),
      lines.starts,
      this.count,
      (id) => lines.end(id, this.count),
      needle,
      0,
      anyPlace,
      (id) => {
        out[id] = 1;
      },
    );
    return out;
  }

  /** keeps the lines `used` marks, renumbered in order; returns old id → new id */
  compact(used: Uint8Array): Uint32Array {
    const keep: number[] = [];
    const remap = new Uint32Array(this.count);
    for (let id = 0; id < this.count; id++) if (used[id]) remap[id] = keep.push(id) - 1;
    this.lines = this.lines.pick(Uint32Array.from(keep), this.count, 1024);
    this.count = keep.length;
    this.rehash();
    return remap;
  }

  /** for the snapshot: the arena and where each line starts */
  raw(): { starts: Uint32Array; bytes: Buffer; count: number; table: Int32Array } {
    // the table changes in place as lines are added: a copy
    return {
      starts: this.lines.starts.subarray(0, this.count),
      bytes: this.lines.bytes.subarray(0, this.lines.used),
      count: this.count,
      table: this.table.slice(),
    };
  }

  static restore(starts: Uint32Array, bytes: Buffer, count: number, table: Int32Array | null): HeaderLines {
    const out = new HeaderLines();
    out.lines = TextColumn.from(starts, bytes, count, Math.max(1024, count >>> 3));
    out.count = count;
    if (table && slotsInUse(table, count, false) === count) out.table = table;
    else out.rehash();
    return out;
  }

  private rehash(): void {
    this.table = new Int32Array(tableSizeFor(this.count));
    const mask = this.table.length - 1;
    const bytes = this.lines.bytes;
    for (let id = 0; id < this.count; id++) {
      let slot = hashBytes(bytes, this.lines.start(id), this.lines.end(id, this.count)) & mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & mask;
      this.table[slot] = id + 1;
    }
  }
}
