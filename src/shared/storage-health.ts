// What the engine found wrong with its data dir at start: damaged journal ranges (skipped,
// never deleted) and permissions wider than owner-only. Shown as a banner in the UI.

export interface StorageDamage {
  /** absolute path of the journal segment */
  file: string;
  /** where the damaged range starts */
  offset: number;
  bytesSkipped: number;
  /** intact records read from the same file */
  recordsRecovered: number;
  /** skipped: left in place and stepped over at every read; torn-tail-cut: a torn end of the newest segment, truncated */
  action: 'skipped' | 'torn-tail-cut';
  /** torn-tail-cut: the file the cut bytes were saved to */
  keptAs?: string;
}

export interface StorageHealth {
  damage: StorageDamage[];
  /** e.g. "the data dir /x is readable by other users (mode 755); run chmod 700 /x" */
  warnings: string[];
}
