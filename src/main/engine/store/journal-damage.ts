// What the last open of each journal segment found damaged, by file. Journals are opened by
// many stores; the engine reads back everything under its data dir once they are all open,
// prints one line per damaged range and shows a notice in the UI.
import path from 'node:path';
import type { StorageDamage } from '@shared/storage-health';
import type { DamagedRange } from './frame-scanner';

const byFile = new Map<string, StorageDamage[]>();

/** replaces what was known about `file`; an empty list forgets it */
export function recordSegmentDamage(file: string, ranges: DamagedRange[], recordsRecovered: number, cut: boolean): void {
  if (!ranges.length) {
    byFile.delete(file);
    return;
  }
  byFile.set(
    file,
    ranges.map((range, i): StorageDamage => {
      const torn = cut && i === ranges.length - 1;
      return {
        file,
        offset: range.offset,
        bytesSkipped: range.length,
        recordsRecovered,
        action: torn ? 'torn-tail-cut' : 'skipped',
        ...(torn ? { keptAs: tornTailFile(file, range.offset) } : {}),
      };
    }),
  );
}

/** where the bytes of a torn tail cut from `segmentFile` at `offset` are kept */
export function tornTailFile(segmentFile: string, offset: number): string {
  return `${segmentFile}.tail-${offset}.damaged`;
}

export function forgetSegmentDamage(file: string): void {
  byFile.delete(file);
}

/** every damaged range known in journals under `root`, oldest file first */
export function damageUnder(root: string): StorageDamage[] {
  const prefix = path.resolve(root) + path.sep;
  const out: StorageDamage[] = [];
  for (const [file, list] of [...byFile.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (path.resolve(file).startsWith(prefix)) out.push(...list);
  }
  return out;
}

export function describeDamage(d: StorageDamage): string {
  const what = d.action === 'torn-tail-cut' ? 'cut a torn tail of' : 'skipped';
  const kept = d.keptAs ? ` (kept in ${d.keptAs})` : '';
  return `hookbench: journal damage in ${d.file} at offset ${d.offset}: ${what} ${d.bytesSkipped} bytes${kept}; ${d.recordsRecovered} intact records recovered from this file`;
}
