// Reading many bodies for search: synchronous reads in bounded slices must hand on exactly the
// bodies written (cut where asked), across segments, short reads and slice boundaries; a
// record that is damaged, missing or dropped while being read is reported, never visited with
// wrong bytes; and no slice keeps the event loop longer than its budget.
import { openSync, closeSync, readSync, promises as fs } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBodies, type ReadFailure, type SegmentReader } from '../../../src/main/engine/store/batch-read';
import { openJournal, type JournalPointer } from '../../../src/main/engine/store/journal';
import { listSegments, segmentPath } from '../../../src/main/engine/store/segment-files';
import { mulberry32 } from '../../support/seeded-random';
import { makeTempDir } from '../../support/temp-dir';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('batch-read');
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

type Meta = { id: number; pad: string };

/** a journal of `count` records with bodies of random sizes (a few large), across small segments */
async function writeJournal(rand: () => number, count: number) {
  const journal = await openJournal<Meta>({ dir, segmentBytes: 48 * 1024 });
  const bodies: Buffer[] = [];
  const pointers: JournalPointer[] = [];
  for (let id = 0; id < count; id++) {
    const size = rand() < 0.05 ? 20_000 + Math.floor(rand() * 40_000) : Math.floor(rand() * 3000);
    const body = Buffer.alloc(size);
    for (let i = 0; i < size; i++) body[i] = Math.floor(rand() * 256);
    bodies.push(body);
    pointers.push(await journal.append({ id, pad: 'p'.repeat(Math.floor(rand() * 300)) }, body));
  }
  await journal.close();
  return { bodies, pointers };
}

/** the segment files read directly; reads come back short at random, as a pread may */
function fileReader(rand: () => number, shortReads: boolean) {
  const fds = new Map<number, number>();
  const reader: SegmentReader = {
    open: async (segment) => {
      if (!fds.has(segment)) fds.set(segment, openSync(segmentPath(dir, segment), 'r'));
    },
    readSync: (segment, offset, into, length) => {
      const fd = fds.get(segment);
      if (fd === undefined) throw new Error(`segment ${segment} not open`);
      const n = shortReads && length > 1 && rand() < 0.3 ? 1 + Math.floor(rand() * (length - 1)) : length;
      return readSync(fd, into, 0, n, offset);
    },
  };
  return { reader, close: () => fds.forEach((fd) => closeSync(fd)) };
}

/** as fileReader, but each synchronous read waits 1 ms as on a disk, and the thread-pool reads overlap */
function diskReader(rand: () => number) {
  const files = fileReader(rand, true);
  const stats = { syncReads: 0, asyncReads: 0, inFlight: 0, maxInFlight: 0 };
  const reader: SegmentReader = {
    open: files.reader.open,
    readSync: (segment, offset, into, length) => {
      stats.syncReads++;
      const until = performance.now() + 1;
      while (performance.now() < until);
      return files.reader.readSync(segment, offset, into, length);
    },
    read: async (segment, offset, into, length) => {
      stats.asyncReads++;
      stats.maxInFlight = Math.max(stats.maxInFlight, ++stats.inFlight);
      await new Promise((r) => setTimeout(r, 1));
      stats.inFlight--;
      return files.reader.readSync(segment, offset, into, length);
    },
  };
  return { reader, close: files.close, stats };
}

async function collect(pointers: JournalPointer[], max: number, reader: SegmentReader, sliceMs?: number) {
  const got = new Map<number, Buffer>();
  const failures = await readBodies(
    pointers,
    max,
    reader,
    (i, body) => {
      expect(got.has(i), `visited twice: ${i}`).toBe(false);
      got.set(i, Buffer.from(body));
    },
    { sliceMs },
  );
  return { got, failures };
}

describe('batch body reads', () => {
  it('hands on exactly the bodies written, cut at the limit, in any subset and order, across slices and short reads (seeded)', async () => {
    const rand = mulberry32(1301);
    const { bodies, pointers } = await writeJournal(rand, 400);
    expect(new Set(pointers.map((p) => p.segment)).size).toBeGreaterThan(5);
    for (let round = 0; round < 40; round++) {
      const ids = Array.from({ length: Math.floor(rand() * 120) }, () => Math.floor(rand() * bodies.length));
      const max = [16, 1000, 2500, 30_000, 1024 * 1024][Math.floor(rand() * 5)];
      const { reader, close } = fileReader(rand, rand() < 0.5);
      // slice budget 0: a yield after every range, so consecutive bodies land in different slices
      const { got, failures } = await collect(
        ids.map((id) => pointers[id]),
        max,
        reader,
        rand() < 0.5 ? 0 : undefined,
      );
      close();
      expect(failures).toEqual([]);
      expect(got.size).toBe(ids.length);
      ids.forEach((id, i) => expect(got.get(i)!.equals(bodies[id].subarray(0, max)), `round ${round} body ${id} max ${max}`).toBe(true));
    }
  });

  it('switches to overlapping thread-pool reads when synchronous reads wait on the disk, with the same bodies (seeded)', async () => {
    const rand = mulberry32(1306);
    const { bodies, pointers } = await writeJournal(rand, 300);
    for (const max of [1000, 1024 * 1024]) {
      // every fifth record: scattered ranges, as a narrowed search reads them
      const ids = bodies.map((_, id) => id).filter((id) => id % 5 === 0);
      const { reader, close, stats } = diskReader(rand);
      const { got, failures } = await collect(
        ids.map((id) => pointers[id]),
        max,
        reader,
      );
      close();
      expect(failures).toEqual([]);
      ids.forEach((id, i) => expect(got.get(i)?.equals(bodies[id].subarray(0, max)), `body ${id}`).toBe(true));
      expect(stats.asyncReads).toBeGreaterThan(ids.length / 3);
      expect(stats.maxInFlight).toBeGreaterThan(1);
      expect(stats.syncReads).toBeLessThan(30);
    }
  });

  it('reports damaged records instead of visiting them, and still reads every intact one (seeded)', async () => {
    const rand = mulberry32(1302);
    const { bodies, pointers } = await writeJournal(rand, 300);
    const segments = await listSegments(dir);
    const flipped: Array<{ segment: number; at: number }> = [];
    for (let n = 0; n < 60; n++) {
      const segment = segments[Math.floor(rand() * segments.length)];
      const file = segmentPath(dir, segment);
      const data = await fs.readFile(file);
      const at = Math.floor(rand() * data.length);
      data[at] ^= 1 << Math.floor(rand() * 8);
      await fs.writeFile(file, data);
      flipped.push({ segment, at });
    }
    const hit = (p: JournalPointer) => flipped.some((f) => f.segment === p.segment && f.at >= p.offset && f.at < p.offset + p.length);
    for (const disk of [false, true]) {
      const { reader, close } = disk ? diskReader(rand) : fileReader(rand, true);
      // no body is cut here: a whole body is checked by the frame CRC
      const { got, failures } = await collect(pointers, 1024 * 1024, reader, disk ? undefined : 0);
      close();
      const failed = new Set(failures.map((f) => f.index));
      expect(failed.size).toBe(failures.length);
      pointers.forEach((p, id) => {
        if (hit(p)) {
          expect(got.has(id), `damaged record ${id} visited`).toBe(false);
          expect(failed.has(id), `damaged record ${id} not reported`).toBe(true);
        } else {
          expect(got.get(id)?.equals(bodies[id]), `intact record ${id}`).toBe(true);
        }
      });
      expect(failures.length).toBeGreaterThan(10);
      for (const f of failures) expect(f.reason).toMatch(/journal record at segment \d+ offset \d+ (is corrupt|is not the frame the index points to)/);
    }
  });

  it('checks the header and meta of a body it cuts, and reports one whose lengths were damaged', async () => {
    const journal = await openJournal<Meta>({ dir });
    const big = Buffer.alloc(100_000, 7);
    const pointer = await journal.append({ id: 1, pad: '' }, big);
    await journal.close();
    const file = segmentPath(dir, pointer.segment);
    const { reader, close } = fileReader(() => 0.5, false);
    let { got, failures } = await collect([pointer], 1000, reader);
    expect(failures).toEqual([]);
    expect(got.get(0)!.equals(big.subarray(0, 1000))).toBe(true);
    // the meta is guarded by the header CRC even when the body is cut
    const data = await fs.readFile(file);
    data[pointer.offset + 22] ^= 4;
    await fs.writeFile(file, data);
    close();
    const again = fileReader(() => 0.5, false);
    ({ got, failures } = await collect([pointer], 1000, again.reader));
    again.close();
    expect(got.size).toBe(0);
    expect(failures).toEqual([{ index: 0, reason: `journal record at segment ${pointer.segment} offset ${pointer.offset} is corrupt` }]);
  });

  it('reports the records of a missing segment and of a pointer past the end, and reads the rest', async () => {
    const rand = mulberry32(1303);
    const { bodies, pointers } = await writeJournal(rand, 120);
    const segments = await listSegments(dir);
    const gone = segments[1];
    await fs.rm(segmentPath(dir, gone));
    const past: JournalPointer = { segment: segments[0], offset: 10 * 1024 * 1024, length: 100 };
    const { reader, close } = fileReader(rand, false);
    const { got, failures } = await collect([...pointers, past], 1024 * 1024, reader);
    close();
    const failed = new Map<number, string>(failures.map((f: ReadFailure) => [f.index, f.reason]));
    pointers.forEach((p, id) => {
      if (p.segment === gone) expect(failed.get(id)).toMatch(/ENOENT/);
      else expect(got.get(id)?.equals(bodies[id]), `body ${id}`).toBe(true);
    });
    expect(failed.get(pointers.length)).toMatch(/cut short/);
  });

  it('through the journal: a segment dropped while a read is under way fails its records, never gives wrong bytes', async () => {
    const rand = mulberry32(1304);
    const { bodies, pointers } = await writeJournal(rand, 300);
    const journal = await openJournal<Meta>({ dir, segmentBytes: 48 * 1024 });
    const got = new Map<number, Buffer>();
    const reading = journal.readBodies(pointers, 1024 * 1024, (i, body) => got.set(i, Buffer.from(body)));
    // retention drops older segments while the read yields between slices
    const cut = pointers[200];
    await journal.dropBefore(cut);
    const failures = await reading;
    const failed = new Set(failures.map((f) => f.index));
    pointers.forEach((p, id) => {
      if (p.segment >= cut.segment) expect(got.get(id)?.equals(bodies[id]), `body ${id}`).toBe(true);
      else expect(got.has(id) ? got.get(id)!.equals(bodies[id]) : failed.has(id), `record ${id}`).toBe(true);
    });
    await journal.close();
  });

  it('yields to the event loop once a slice has used its time', async () => {
    const pointers: JournalPointer[] = Array.from({ length: 200 }, (_, i) => ({ segment: 1, offset: i * 1_000_000, length: 100 }));
    let clock = 0;
    let ticks = 0;
    let ticking = true;
    const tick = () => {
      ticks++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const seenAtTick: number[] = [];
    const reader: SegmentReader = {
      open: async () => undefined,
      readSync: () => {
        seenAtTick.push(ticks);
        clock += 1; // each read "takes" 1 ms
        return 0; // nothing there: every record fails, which is fine here
      },
    };
    const realNow = performance.now.bind(performance);
    performance.now = () => clock;
    try {
      const failures = await readBodies(pointers, 1024, reader, () => undefined, { sliceMs: 8 });
      expect(failures).toHaveLength(200);
    } finally {
      performance.now = realNow;
      ticking = false;
    }
    // no more than 8 reads ran without the event loop turning in between
    let run = 1;
    let longest = 1;
    for (let i = 1; i < seenAtTick.length; i++) {
      run = seenAtTick[i] === seenAtTick[i - 1] ? run + 1 : 1;
      longest = Math.max(longest, run);
    }
    expect(longest).toBe(8);
  });
});
