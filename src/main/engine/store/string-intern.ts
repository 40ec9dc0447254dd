// One copy of each distinct value and a small number for it: capture rows hold the number.
export class StringTable<T = string> {
  private readonly ids = new Map<string, number>();
  readonly values: T[] = [];

  constructor(private readonly valueOf: (key: string) => T) {}

  get size(): number {
    return this.values.length;
  }

  ref(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(this.valueOf(key));
      this.ids.set(key, id);
    }
    return id;
  }

  /**
   * A new table of the values `used` marks, in their old order, and where each old id went (ids
   * not used map to 0: no row holds them). The table itself is left as it was, for a snapshot
   * cut that still reads it.
   */
  compacted(used: Uint8Array): { table: StringTable<T>; remap: Uint32Array } {
    const table = new StringTable(this.valueOf);
    const remap = new Uint32Array(this.values.length);
    const keys = this.keys();
    for (let id = 0; id < keys.length; id++) {
      if (!used[id]) continue;
      remap[id] = table.values.length;
      table.values.push(this.values[id]);
      table.ids.set(keys[id], remap[id]);
    }
    return { table, remap };
  }

  /** for the snapshot: the keys in id order */
  keys(): string[] {
    const out = new Array<string>(this.values.length);
    for (const [key, id] of this.ids) out[id] = key;
    return out;
  }

  /** the table the snapshot wrote (keys in id order) */
  static restore<T>(keys: unknown, valueOf: (key: string) => T): StringTable<T> {
    if (!Array.isArray(keys)) throw new Error('bad snapshot table');
    const table = new StringTable(valueOf);
    for (const key of keys) {
      if (typeof key !== 'string' || table.ids.has(key)) throw new Error('bad snapshot table');
      table.ref(key);
    }
    return table;
  }
}
