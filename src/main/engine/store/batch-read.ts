// Reads many records' bodies with few, large reads: neighbouring frames in a segment are
// fetched as one range, which is what makes a body-text search over 100k captures quick.
import { decodeHeader, frameLength } from './frame';
import type { JournalPointer } from './journal';

const MAX_GAP = 64 * 1024;
const MAX_SPAN = 4 * 1024 * 1024;

export type ReadRange = (segment: number, offset: number, length: number) => Promise<Buffer>;
export type ReadOne = (pointer: JournalPointer, maxBodyBytes: number) => Promise<Buffer>;

/** reads in flight at once: scattered small reads wait on the thread pool, not on each other */
const CONCURRENT_READS = 8;

/** visits (index into pointers, body cut at maxBodyBytes) in no particular order; records that cannot be read are skipped */
export async function readBodies(
  pointers: JournalPointer[],
  maxBodyBytes: number,
  readRange: ReadRange,
  readOne: ReadOne,
  visit: (index: number, body: Buffer) => void,
): Promise<void> {
  const order = pointers.map((_, i) => i).sort((a, b) => pointers[a].segment - pointers[b].segment || pointers[a].offset - pointers[b].offset);
  const big = Math.min(MAX_SPAN, maxBodyBytes + MAX_GAP);
  // [from, to) of `order`: one big record read alone, or neighbours read as one range
  const groups: Array<[number, number]> = [];
  let k = 0;
  while (k < order.length) {
    const first = pointers[order[k]];
    let j = k + 1;
    if (first.length <= big) {
      let end = first.offset + first.length;
      for (; j < order.length; j++) {
        const p = pointers[order[j]];
        if (p.segment !== first.segment || p.length > big || p.offset - end > MAX_GAP || p.offset + p.length - first.offset > MAX_SPAN) break;
        end = Math.max(end, p.offset + p.length);
      }
    }
    groups.push([k, j]);
    k = j;
  }
  const readGroup = async ([from, to]: [number, number]): Promise<void> => {
    const first = pointers[order[from]];
    if (first.length > big) {
      await readOne(first, maxBodyBytes).then(
        (body) => visit(order[from], body),
        () => undefined,
      );
      return;
    }
    let end = first.offset + first.length;
    for (let m = from + 1; m < to; m++) end = Math.max(end, pointers[order[m]].offset + pointers[order[m]].length);
    let range: Buffer;
    try {
      range = await readRange(first.segment, first.offset, end - first.offset);
    } catch {
      return; // segment dropped meanwhile
    }
    for (let m = from; m < to; m++) {
      const p = pointers[order[m]];
      const at = p.offset - first.offset;
      const header = decodeHeader(range.subarray(0, at + p.length), at);
      if (!header || frameLength(header) !== p.length) continue;
      const bodyStart = at + header.headerLength + header.metaLength;
      visit(order[m], range.subarray(bodyStart, bodyStart + Math.min(header.bodyLength, maxBodyBytes)));
    }
  };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < groups.length) await readGroup(groups[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_READS, groups.length) }, worker));
}
