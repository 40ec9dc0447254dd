// Damaged journals: every intact frame is found again, damage is skipped and reported, never
// used as a reason to delete or shorten a segment; only a torn tail of the newest segment is cut.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openJournal, type JournalPointer } from '../../../src/main/engine/store/journal';
import { damageUnder } from '../../../src/main/engine/store/journal-damage';
import { crc32 } from '../../../src/main/engine/store/frame';
import { listSegments, segmentPath } from '../../../src/main/engine/store/segment-files';
import { openCaptureStore } from '../../../src/main/engine/store/capture-store';
import { newCapture } from './capture-fixtures';
import { bodyFor } from './fixtures/journal-bodies';
import { seededRandom } from '../../support/seeded-random';
import { makeTempDir } from '../../support/temp-dir';

let root: string;
beforeEach(async () => {
  root = await makeTempDir('damage');
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

type Meta = { id: number };
interface Written {
  id: number;
  pointer: JournalPointer;
  body: Buffer;
}

const BIG = 1024 * 1024 + 4096; // above the scanner's read chunk: trusted on its header CRC at replay

function bodyOf(id: number): Buffer {
  return id % 233 === 13 ? Buffer.alloc(BIG, id & 0xff) : bodyFor(id);
}

async function writeJournal(dir: string, count: number, segmentBytes: number, body: (id: number) => Buffer = bodyFor): Promise<Written[]> {
  const journal = await openJournal<Meta>({ dir, segmentBytes });
  const written: Written[] = [];
  for (let id = 0; id < count; id++) written.push({ id, pointer: await journal.append({ id }, body(id)), body: body(id) });
  await journal.close();
  return written;
}

async function replayIds(dir: string, segmentBytes: number) {
  const journal = await openJournal<Meta>({ dir, segmentBytes });
  const seen = new Map<number, JournalPointer>();
  await journal.replay((meta, pointer) => seen.set(meta.id, pointer));
  return { journal, seen };
}

/** an HBJ1 frame as versions before the header CRC wrote them */
function v1Frame(meta: object, body: Buffer): Buffer {
  const json = Buffer.from(JSON.stringify(meta));
  const head = Buffer.alloc(16);
  head.writeUInt32LE(0x48424a31, 0);
  head.writeUInt32LE(json.length, 4);
  head.writeUInt32LE(body.length, 8);
  head.writeUInt32LE(crc32(body, crc32(json)) >>> 0, 12);
  return Buffer.concat([head, json, body]);
}

describe('journal damage', () => {
  it('reads segments written in the old frame format and appends the new one after them', async () => {
    const dir = path.join(root, 'j');
    await fs.mkdir(dir);
    const old = Array.from({ length: 30 }, (_, id) => v1Frame({ id }, bodyFor(id)));
    await fs.writeFile(segmentPath(dir, 1), Buffer.concat(old.slice(0, 15)));
    await fs.writeFile(segmentPath(dir, 2), Buffer.concat(old.slice(15)));
    const { journal, seen } = await replayIds(dir, 1 << 20);
    expect([...seen.keys()]).toEqual(Array.from({ length: 30 }, (_, i) => i));
    for (let id = 30; id < 40; id++) await journal.append({ id }, bodyFor(id));
    await journal.close();
    const again = await replayIds(dir, 1 << 20);
    expect([...again.seen.keys()]).toEqual(Array.from({ length: 40 }, (_, i) => i));
    for (const [id, pointer] of again.seen) expect((await again.journal.readBody(pointer)).equals(bodyFor(id))).toBe(true);
    expect(damageUnder(root)).toEqual([]);
    await again.journal.close();
  });

  it('one byte at offset 0 of an older segment: that frame is skipped, the segment stays whole, the rest is read', async () => {
    const dir = path.join(root, 'j');
    const written = await writeJournal(dir, 300, 64 * 1024);
    const segments = await listSegments(dir);
    expect(segments.length).toBeGreaterThan(3);
    const file = segmentPath(dir, segments[0]);
    const before = await fs.readFile(file);
    const damaged = Buffer.from(before);
    damaged[0] ^= 0xff;
    await fs.writeFile(file, damaged);

    const { journal, seen } = await replayIds(dir, 64 * 1024);
    const firstFrame = written.find((w) => w.pointer.segment === segments[0] && w.pointer.offset === 0)!;
    expect(seen.has(firstFrame.id)).toBe(false);
    expect(seen.size).toBe(written.length - 1);
    expect((await fs.stat(file)).size).toBe(before.length);
    const report = damageUnder(root);
    expect(report).toEqual([
      {
        file,
        offset: 0,
        bytesSkipped: firstFrame.pointer.length,
        recordsRecovered: written.filter((w) => w.pointer.segment === segments[0]).length - 1,
        action: 'skipped',
      },
    ]);
    await journal.close();
  });

  it('damage in the middle of the newest segment: later records stay, the file is not cut', async () => {
    const dir = path.join(root, 'j');
    const written = await writeJournal(dir, 200, 1 << 20);
    const [segment] = await listSegments(dir);
    const file = segmentPath(dir, segment);
    const bytes = await fs.readFile(file);
    const middle = written[100].pointer.offset + 3;
    for (let i = 0; i < 4; i++) bytes[middle + i] ^= 0x5a;
    await fs.writeFile(file, bytes);

    const { journal, seen } = await replayIds(dir, 1 << 20);
    expect(seen.size).toBe(199);
    expect(seen.has(100)).toBe(false);
    expect((await fs.stat(file)).size).toBe(bytes.length);
    // appends go after the damage and are read back with everything else
    await journal.append({ id: 500 }, bodyFor(500));
    await journal.close();
    const again = await replayIds(dir, 1 << 20);
    expect(again.seen.size).toBe(200);
    expect(again.seen.has(500)).toBe(true);
    await again.journal.close();
  });

  it('a damaged last frame of the newest segment is cut, its bytes kept aside and reported', async () => {
    const dir = path.join(root, 'j');
    const written = await writeJournal(dir, 50, 1 << 20);
    const [segment] = await listSegments(dir);
    const file = segmentPath(dir, segment);
    const bytes = await fs.readFile(file);
    const last = written[written.length - 1].pointer;
    bytes[last.offset + last.length - 1] ^= 0x01;
    await fs.writeFile(file, bytes);

    const { journal, seen } = await replayIds(dir, 1 << 20);
    expect(seen.size).toBe(49);
    expect((await fs.stat(file)).size).toBe(last.offset);
    const kept = `${file}.tail-${last.offset}.damaged`;
    expect((await fs.readFile(kept)).equals(bytes.subarray(last.offset))).toBe(true);
    expect(damageUnder(root)).toEqual([{ file, offset: last.offset, bytesSkipped: last.length, recordsRecovered: 49, action: 'torn-tail-cut', keptAs: kept }]);
    expect(await listSegments(dir)).toEqual([segment]);
    await journal.close();
  });

  it('the capture store keeps a damaged older segment and every capture in it that is intact', async () => {
    const dir = path.join(root, 'captures');
    const retention = { maxCaptures: 1_000_000, maxBytes: Number.MAX_SAFE_INTEGER };
    const store = await openCaptureStore(dir, retention, { segmentBytes: 32 * 1024 });
    for (let i = 0; i < 200; i++) {
      await store.append(newCapture({ url: `/hook/${i}`, body: JSON.stringify({ i, pad: 'x'.repeat(400) }) }));
    }
    await store.close();
    const segments = await listSegments(dir);
    // wreck the whole start of the oldest segment (header of its first frame and more)
    const file = segmentPath(dir, segments[0]);
    const bytes = await fs.readFile(file);
    bytes.fill(0, 0, 300);
    await fs.writeFile(file, bytes);

    const reopened = await openCaptureStore(dir, retention, { segmentBytes: 32 * 1024 });
    expect(reopened.count()).toBeGreaterThanOrEqual(198);
    expect(await listSegments(dir)).toEqual(segments);
    expect((await fs.stat(file)).size).toBe(bytes.length);
    await reopened.close();
  });
});

describe('seeded corruption fuzz', () => {
  it('recovers every intact frame after hundreds of random flips and truncations across segments of both formats', async () => {
    const SEED = 0x10c0ffee;
    const SEGMENT_BYTES = 96 * 1024;
    const ROUNDS = 80;
    const random = seededRandom(SEED);
    const pristine = path.join(root, 'pristine');
    const written = await writeJournal(pristine, 700, SEGMENT_BYTES, bodyOf);
    // the oldest three segments in the old HBJ1 format (no header CRC), as earlier versions wrote them
    for (const s of (await listSegments(pristine)).slice(0, 3)) {
      const parts: Buffer[] = [];
      let offset = 0;
      for (const w of written.filter((x) => x.pointer.segment === s)) {
        const frame = v1Frame({ id: w.id }, w.body);
        w.pointer = { segment: s, offset, length: frame.length };
        parts.push(frame);
        offset += frame.length;
      }
      await fs.writeFile(segmentPath(pristine, s), Buffer.concat(parts));
    }
    const segments = await listSegments(pristine);
    expect(segments.length).toBeGreaterThanOrEqual(6);
    const originals = new Map<number, Buffer>();
    for (const s of segments) originals.set(s, await fs.readFile(segmentPath(pristine, s)));
    const newest = segments[segments.length - 1];

    let operations = 0;
    let intactFrames = 0;
    let recoveredFrames = 0;
    let damagedFrames = 0;
    let flips = 0;
    let truncations = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const dir = path.join(root, `round-${round}`);
      await fs.mkdir(dir);
      const files = new Map<number, Buffer>();
      for (const [s, bytes] of originals) files.set(s, Buffer.from(bytes));
      const ops = 2 + random.below(7);
      for (let k = 0; k < ops; k++) {
        const s = segments[random.below(segments.length)];
        const bytes = files.get(s)!;
        if (!bytes.length) continue;
        const kind = random.below(10);
        if (kind < 6) {
          const at = random.below(bytes.length);
          bytes[at] ^= 1 + random.below(255);
          flips++;
        } else if (kind < 8) {
          const at = random.below(bytes.length);
          const n = Math.min(bytes.length - at, 1 + random.below(64));
          for (let i = 0; i < n; i++) bytes[at + i] = random.below(256);
          flips++;
        } else {
          files.set(s, bytes.subarray(0, random.below(bytes.length)));
          truncations++;
        }
        operations++;
      }
      for (const [s, bytes] of files) await fs.writeFile(segmentPath(dir, s), bytes);

      const intact = (w: Written): boolean => {
        const now = files.get(w.pointer.segment)!;
        const was = originals.get(w.pointer.segment)!;
        const end = w.pointer.offset + w.pointer.length;
        return end <= now.length && now.subarray(w.pointer.offset, end).equals(was.subarray(w.pointer.offset, end));
      };
      const { journal, seen } = await replayIds(dir, SEGMENT_BYTES);
      const wrong: string[] = [];
      for (const w of written) {
        const pointer = seen.get(w.id);
        if (intact(w)) {
          intactFrames++;
          const same = pointer && pointer.segment === w.pointer.segment && pointer.offset === w.pointer.offset && pointer.length === w.pointer.length;
          if (same && (await journal.readBody(pointer)).equals(w.body)) recoveredFrames++;
          else wrong.push(`intact record ${w.id} not recovered`);
        } else {
          damagedFrames++;
          // a damaged frame is either skipped, or (a big body trusted on its header CRC) refused when read
          if (pointer) {
            const refused = await journal.readBody(pointer).then(
              () => false,
              (error: Error) => /corrupt/.test(error.message),
            );
            if (!refused) wrong.push(`damaged record ${w.id} read back as if intact`);
          }
        }
      }
      expect(wrong, `round ${round}`).toEqual([]);
      expect(seen.size).toBeLessThanOrEqual(written.length);

      // no segment deleted; only the newest one may be cut, and only after its last intact frame
      const report = damageUnder(dir);
      expect(await listSegments(dir)).toEqual(segments);
      for (const s of segments) {
        const size = (await fs.stat(segmentPath(dir, s))).size;
        if (s !== newest) expect(size).toBe(files.get(s)!.length);
        else {
          const lastIntactEnd = Math.max(0, ...written.filter((w) => w.pointer.segment === s && intact(w)).map((w) => w.pointer.offset + w.pointer.length));
          expect(size).toBeGreaterThanOrEqual(lastIntactEnd);
          expect(size).toBeLessThanOrEqual(files.get(s)!.length);
        }
        // every byte is accounted for: recovered frames plus reported damage make up the file
        const file = segmentPath(dir, s);
        const recoveredBytes = written.filter((w) => w.pointer.segment === s && seen.get(w.id)).reduce((n, w) => n + w.pointer.length, 0);
        const skipped = report.filter((d) => d.file === file).reduce((n, d) => n + d.bytesSkipped, 0);
        expect(recoveredBytes + skipped, `round ${round} segment ${s}`).toBe(files.get(s)!.length);
      }
      await journal.close();
      await fs.rm(dir, { recursive: true, force: true });
    }
    console.log(
      `journal fuzz (seed 0x${SEED.toString(16)}): ${ROUNDS} rounds, ${operations} damage operations (${flips} flips/overwrites, ${truncations} truncations) over ${segments.length} segments; ` +
        `${recoveredFrames}/${intactFrames} intact frames recovered, ${damagedFrames} damaged frames skipped or refused`,
    );
    expect(operations).toBeGreaterThanOrEqual(300);
    expect(recoveredFrames).toBe(intactFrames);
  }, 240_000);
});
