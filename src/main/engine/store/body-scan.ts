// Body-text filtering reads bodies from disk. The last scan is kept, so paging through its
// results or repeating it after new captures only reads what was not read before.
import type { CaptureIndex, IndexEntry } from './capture-index';
import { bodyContains, type CompiledFilter } from './capture-filter';
import type { CaptureJournalMeta } from './capture-records';
import type { RecordJournal } from './journal';

/** only the start of very large bodies is searched, to bound one query's cost */
export const BODY_SCAN_LIMIT = 1024 * 1024;

interface Scan { key: string; throughSeq: number; matches: IndexEntry[] }

export class BodyScanCache {
  private last: Scan | null = null;

  constructor(private readonly journal: RecordJournal<CaptureJournalMeta>) {}

  reset(): void {
    this.last = null;
  }

  /** entries matching the whole filter, oldest first (may include entries since removed) */
  async matching(filter: CompiledFilter, index: CaptureIndex): Promise<IndexEntry[]> {
    const needle = filter.bodyNeedle ?? '';
    const previous = this.last?.key === filter.key ? this.last : null;
    const since = previous?.throughSeq ?? 0;
    const candidates: IndexEntry[] = [];
    let throughSeq = since;
    for (const entry of index.newestFirst()) {
      if (entry.summary.seq <= since) break;
      throughSeq = Math.max(throughSeq, entry.summary.seq);
      if (filter.matches(entry)) candidates.push(entry);
    }
    candidates.reverse();
    const found = await this.scan(candidates, needle);
    const matches = (previous?.matches ?? []).filter((e) => e.live).concat(found);
    this.last = { key: filter.key, throughSeq, matches };
    return matches;
  }

  private async scan(candidates: IndexEntry[], needle: string): Promise<IndexEntry[]> {
    const sized = candidates.filter((e) => e.summary.bodySize >= needle.length);
    const hits: boolean[] = new Array(sized.length).fill(false);
    await this.journal.readBodies(sized.map((e) => e.pointer), BODY_SCAN_LIMIT, (i, body) => {
      hits[i] = bodyContains(body, needle);
    });
    return sized.filter((_, i) => hits[i]);
  }
}
