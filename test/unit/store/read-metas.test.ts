// Reading many records' metas at once (the trigger log's list): each record visited exactly once
// with the meta readRecord gives, across segments and for metas larger than a read range; a
// damaged or cut-short record is reported, never visited; and the trigger log's list reads its
// entries this way (synchronous range reads), not one thread-pool read per entry.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openJournal, type JournalPointer } from '../../../src/main/engine/store/journal';
import { segmentPath } from '../../../src/main/engine/store/segment-files';
import { openTriggerLogStore } from '../../../src/main/engine/triggers/trigger-log-store';
import type { TriggerLogEntry } from '@shared/trigger-log';
import { mulberry32 } from '../../support/seeded-random';
import { makeTempDir } from '../../support/temp-dir';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('read-metas');
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

type Meta = { id: number; text: string; nested: { list: unknown[] } };

const ALPHABET = ['a', 'Z', '0', ' ', '"', '\\', '\n', '\u0000', '\u001f', 'é', '…', '\u2028', '\u2029', '😀', '\ud800', '\udfff', '{', ']', ','];
function randomText(rand: () => number, max: number): string {
  let s = '';
  const length = Math.floor(rand() * max);
  for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(rand() * ALPHABET.length)];
  return s;
}

async function writeJournal(rand: () => number, count: number) {
  const journal = await openJournal<Meta>({ dir, segmentBytes: 64 * 1024 });
  const pointers: JournalPointer[] = [];
  for (let id = 0; id < count; id++) {
    // a few metas larger than one read range (8 KB), some records with a body
    const big = rand() < 0.05;
    const meta: Meta = { id, text: randomText(rand, big ? 12_000 : 200), nested: { list: [id, randomText(rand, 20), { ok: rand() < 0.5, n: null }] } };
    const body = rand() < 0.3 ? Buffer.from(randomText(rand, 3000)) : undefined;
    pointers.push(await journal.append(meta, body));
  }
  return { journal, pointers };
}

describe('journal.readMetas', () => {
  it('visits each wanted record once with the meta readRecord reads (seeded, across segments, metas over a range)', async () => {
    const rand = mulberry32(1313);
    const { journal, pointers } = await writeJournal(rand, 400);
    expect(new Set(pointers.map((p) => p.segment)).size).toBeGreaterThan(2);
    for (let round = 0; round < 5; round++) {
      // a random subset in random order, newest first as the log asks, once
      const wanted = pointers.filter(() => rand() < 0.6);
      if (round % 2) wanted.reverse();
      else wanted.sort(() => rand() - 0.5);
      const got = new Map<number, Meta>();
      const failures = await journal.readMetas(wanted, (index, meta) => {
        expect(got.has(index)).toBe(false);
        got.set(index, meta);
      });
      expect(failures).toEqual([]);
      expect(got.size).toBe(wanted.length);
      for (let i = 0; i < wanted.length; i++) expect(got.get(i)).toEqual((await journal.readRecord(wanted[i])).meta);
    }
    await journal.close();
  });

  it('reports a damaged or cut-short record instead of visiting it; the others are read', async () => {
    const rand = mulberry32(77);
    const { journal, pointers } = await writeJournal(rand, 60);
    const last = pointers[pointers.length - 1];
    const victim = pointers.filter((p) => p.segment === last.segment).at(-5)!;
    const file = segmentPath(dir, victim.segment);
    const bytes = await fs.readFile(file);
    bytes[victim.offset + 25] ^= 0x01; // inside its meta
    await fs.writeFile(file, bytes);
    const wanted = pointers.slice(-10);
    const visited: number[] = [];
    let failures = await journal.readMetas(wanted, (index) => visited.push(index));
    const victimIndex = wanted.indexOf(victim);
    expect(failures).toEqual([{ index: victimIndex, reason: `journal record at segment ${victim.segment} offset ${victim.offset} is corrupt` }]);
    expect(visited.sort((a, b) => a - b)).toEqual(wanted.map((_, i) => i).filter((i) => i !== victimIndex));

    await fs.truncate(file, last.offset + 10);
    visited.length = 0;
    failures = await journal.readMetas([last, pointers[0]], (index) => visited.push(index));
    expect(failures.map((f) => f.index)).toEqual([0]);
    expect(failures[0].reason).toMatch(/cut short/);
    expect(visited).toEqual([1]);
    await journal.close();
  });
});

describe('trigger log list', () => {
  const entry = (n: number): TriggerLogEntry => ({
    id: `e${n}`,
    at: 1_700_000_000_000 + n,
    triggerId: `t${n % 3}`,
    captureId: `c${n}`,
    outcome: n % 4 ? 'launched' : 'rejected',
    conditions: [{ index: 0, type: 'web-auth', passed: n % 4 !== 0, reason: `reason … ${n} "quoted" \u2028` }],
    status: n % 4 ? 200 : 400,
  });

  it('reads its entries in a few synchronous range reads, not one thread-pool read per entry', async () => {
    const log = await openTriggerLogStore(dir);
    const pending: Promise<void>[] = [];
    for (let n = 0; n < 600; n++) pending.push(log.append(entry(n)));
    await Promise.all(pending);
    const handle = await fs.open(path.join(dir, 'trigger-log', '..', 'probe'), 'w');
    const proto = Object.getPrototypeOf(handle) as { read: (...args: unknown[]) => unknown };
    await handle.close();
    const reads = vi.spyOn(proto, 'read');
    const listed = await log.list(undefined, 500);
    expect(listed).toEqual(Array.from({ length: 500 }, (_, i) => entry(599 - i)).map((e) => JSON.parse(JSON.stringify(e)) as TriggerLogEntry));
    expect(reads).not.toHaveBeenCalled();
    const rejected = await log.list({ outcome: 'rejected' });
    expect(rejected.map((e) => e.id)).toEqual(Array.from({ length: 150 }, (_, i) => `e${596 - 4 * i}`));
    expect(reads).not.toHaveBeenCalled();
    await log.close();
  });

  it('a cut-short entry is an error naming it', async () => {
    const log = await openTriggerLogStore(dir);
    for (let n = 0; n < 20; n++) await log.append(entry(n));
    const newest = log.summaries()[19];
    await fs.truncate(segmentPath(path.join(dir, 'trigger-log'), newest.segment), newest.offset + 10);
    await expect(log.list()).rejects.toThrow(
      /^the trigger log entry of capture "c19" \(t1, .*\) cannot be read from trigger-log segment 1 at offset \d+: .*cut short$/,
    );
    expect((await log.list({ triggerId: 't0' })).map((e) => e.id)).toEqual(['e18', 'e15', 'e12', 'e9', 'e6', 'e3', 'e0']);
    await log.close();
  });
});
