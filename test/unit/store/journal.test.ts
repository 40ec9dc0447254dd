import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeFrameHead } from '../../../src/main/engine/store/frame';
import { openJournal, type JournalPointer } from '../../../src/main/engine/store/journal';
import { listSegments, segmentPath } from '../../../src/main/engine/store/segment-files';
import { bodyFor } from './fixtures/journal-bodies';
import { makeTempDir } from '../../support/temp-dir';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('journal');
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

type Meta = { id: number; note?: string };

async function replayAll(journalDir: string, segmentBytes?: number) {
  const journal = await openJournal<Meta>({ dir: journalDir, segmentBytes });
  const seen: Array<{ meta: Meta; pointer: JournalPointer; bodyLength: number }> = [];
  await journal.replay((meta, pointer, bodyLength) => seen.push({ meta, pointer, bodyLength }));
  return { journal, seen };
}

describe('journal', () => {
  it('appends, replays oldest first and reads bodies back byte for byte', async () => {
    const journal = await openJournal<Meta>({ dir });
    const pointers = await Promise.all(Array.from({ length: 50 }, (_, id) => journal.append({ id, note: 'ü€' }, bodyFor(id))));
    expect(pointers.map((p) => p.offset)).toEqual([...pointers.map((p) => p.offset)].sort((a, b) => a - b));
    for (let i = 1; i < pointers.length; i++) expect(pointers[i].offset).toBe(pointers[i - 1].offset + pointers[i - 1].length);
    await journal.close();

    const { journal: again, seen } = await replayAll(dir);
    expect(seen.map((s) => s.meta.id)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(seen[3].meta.note).toBe('ü€');
    for (const { meta, pointer, bodyLength } of seen) {
      expect(bodyLength).toBe(bodyFor(meta.id).length);
      expect((await again.readBody(pointer)).equals(bodyFor(meta.id))).toBe(true);
    }
    expect(again.sizeBytes()).toBe(pointers.reduce((n, p) => n + p.length, 0));
    await again.close();
  });

  it('writes a group commit of mixed records (with and without bodies, across a segment boundary) as the same frames one by one would be', async () => {
    const journal = await openJournal<Meta>({ dir, segmentBytes: 3 * 1024 });
    const records = Array.from({ length: 30 }, (_, id) => ({
      meta: { id, note: id % 3 ? 'ü€"\\' : '' },
      body: id % 2 ? bodyFor(id).subarray(0, 300) : Buffer.alloc(0),
    }));
    // issued in one turn: one group commit, split where a segment fills up
    const pointers = await Promise.all(records.map((r) => journal.append(r.meta, r.body)));
    await journal.close();
    const segments = await listSegments(dir);
    expect(segments.length).toBeGreaterThan(1);
    for (const segment of segments) {
      const bytes = await fs.readFile(segmentPath(dir, segment));
      const here = records.filter((_, i) => pointers[i].segment === segment);
      const expected = Buffer.concat(here.flatMap((r) => [encodeFrameHead(JSON.stringify(r.meta), r.body), r.body]));
      expect(bytes.equals(expected)).toBe(true);
    }
    const { journal: again, seen } = await replayAll(dir, 3 * 1024);
    expect(seen.map((s) => s.meta)).toEqual(records.map((r) => r.meta));
    for (const [i, { pointer }] of seen.entries()) expect((await again.readBody(pointer)).equals(records[i].body)).toBe(true);
    await again.close();
  });

  it('rotates segments, drops whole old segments and clears', async () => {
    const journal = await openJournal<Meta>({ dir, segmentBytes: 8 * 1024 });
    const body = Buffer.alloc(1000, 7);
    const pointers: JournalPointer[] = [];
    for (let id = 0; id < 40; id++) pointers.push(await journal.append({ id }, body));
    const segments = await listSegments(dir);
    expect(segments.length).toBeGreaterThan(3);
    for (const segment of segments) expect((await fs.stat(segmentPath(dir, segment))).size).toBeLessThanOrEqual(8 * 1024);

    const cut = pointers[20];
    await journal.dropBefore(cut);
    const left = await listSegments(dir);
    expect(left[0]).toBe(cut.segment);
    const { seen } = await (async () => {
      const ids: number[] = [];
      await journal.replay((m) => ids.push(m.id));
      return { seen: ids };
    })();
    expect(seen[0]).toBeLessThanOrEqual(20);
    expect(seen[seen.length - 1]).toBe(39);
    expect(seen).toEqual(Array.from({ length: 40 - seen[0] }, (_, i) => seen[0] + i));
    await expect(journal.readBody(pointers[0])).rejects.toThrow();

    await journal.clear();
    expect(journal.sizeBytes()).toBe(0);
    const after = await journal.append({ id: 99 }, body);
    expect(after.segment).toBeGreaterThan(cut.segment);
    await journal.close();
    const { journal: reopened, seen: records } = await replayAll(dir);
    expect(records.map((r) => r.meta.id)).toEqual([99]);
    await reopened.close();
  });

  it('reads many bodies in coalesced ranges, across segments, cutting big ones', async () => {
    const journal = await openJournal<Meta>({ dir, segmentBytes: 16 * 1024 });
    const bodies = Array.from({ length: 40 }, (_, id) => (id === 17 ? Buffer.alloc(200 * 1024, 9) : bodyFor(id)));
    const pointers: JournalPointer[] = [];
    for (let id = 0; id < bodies.length; id++) pointers.push(await journal.append({ id }, bodies[id]));
    expect(new Set(pointers.map((p) => p.segment)).size).toBeGreaterThan(3);
    const wanted = [...pointers].reverse();
    const got = new Map<number, Buffer>();
    await journal.readBodies(wanted, 100 * 1024, (i, body) => got.set(i, Buffer.from(body)));
    expect(got.size).toBe(40);
    for (let i = 0; i < wanted.length; i++) {
      const id = bodies.length - 1 - i;
      expect(got.get(i)!.equals(id === 17 ? bodies[17].subarray(0, 100 * 1024) : bodies[id]), `body ${id}`).toBe(true);
    }
    await journal.dropBefore(pointers[39]);
    const after: number[] = [];
    await journal.readBodies(pointers, 1024, (i) => after.push(i));
    expect(after.every((i) => pointers[i].segment === pointers[39].segment)).toBe(true);
    await journal.close();
  });

  it('cuts a torn tail at open and keeps every intact record', async () => {
    const journal = await openJournal<Meta>({ dir });
    for (let id = 0; id < 10; id++) await journal.append({ id }, bodyFor(id));
    await journal.close();
    const [segment] = await listSegments(dir);
    const file = segmentPath(dir, segment);
    const intactSize = (await fs.stat(file)).size;

    // a partial frame: a valid-looking header that promises more than is there
    const header = Buffer.alloc(16);
    header.writeUInt32LE(0x48424a31, 0);
    header.writeUInt32LE(20, 4);
    header.writeUInt32LE(5000, 8);
    await fs.appendFile(file, Buffer.concat([header, Buffer.from('{"id": 10, "no')]));
    let { journal: j2, seen } = await replayAll(dir);
    expect(seen.map((s) => s.meta.id)).toEqual(Array.from({ length: 10 }, (_, i) => i));
    expect((await fs.stat(file)).size).toBe(intactSize);
    await j2.append({ id: 10 }, bodyFor(10));
    await j2.close();

    // plain garbage and a frame whose bytes do not match its CRC
    const good = Buffer.from(JSON.stringify({ id: 11 }));
    const bad = Buffer.alloc(16);
    bad.writeUInt32LE(0x48424a31, 0);
    bad.writeUInt32LE(good.length, 4);
    bad.writeUInt32LE(0, 8);
    bad.writeUInt32LE(12345, 12);
    await fs.appendFile(file, Buffer.concat([bad, good]));
    ({ journal: j2, seen } = await replayAll(dir));
    expect(seen.map((s) => s.meta.id)).toEqual(Array.from({ length: 11 }, (_, i) => i));
    await j2.close();
    await fs.appendFile(file, Buffer.from('garbage garbage garbage'));
    ({ journal: j2, seen } = await replayAll(dir));
    expect(seen.map((s) => s.meta.id)).toEqual(Array.from({ length: 11 }, (_, i) => i));
    for (const { meta, pointer } of seen) expect((await j2.readBody(pointer)).equals(bodyFor(meta.id))).toBe(true);
    await j2.close();
  });

  it('loses no acknowledged record when the writer is killed with SIGKILL', async () => {
    const script = path.join(__dirname, 'fixtures', 'journal-writer.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const acked = new Set<number>();
    let text = '';
    await new Promise<void>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', () => resolve());
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const lines = text.split('\n');
        text = lines.pop() ?? '';
        for (const line of lines) acked.add(Number(line.slice(4)));
        if (acked.size >= 3000 && !child.killed) child.kill('SIGKILL');
      });
    });
    expect(acked.size).toBeGreaterThanOrEqual(3000);
    expect((await listSegments(dir)).length).toBeGreaterThan(2);

    const { journal, seen } = await replayAll(dir, 256 * 1024);
    const found = new Map(seen.map((s) => [s.meta.id, s]));
    for (const id of acked) {
      const record = found.get(id);
      expect(record, `acked record ${id}`).toBeDefined();
      expect((await journal.readBody(record!.pointer)).equals(bodyFor(id))).toBe(true);
    }
    // still appendable after recovery
    const pointer = await journal.append({ id: -1 }, Buffer.from('after'));
    expect((await journal.readBody(pointer)).toString()).toBe('after');
    await journal.close();
  }, 60_000);

  it('replays 20,000 records of 1 KB quickly', async () => {
    const journal = await openJournal<Meta>({ dir, segmentBytes: 4 * 1024 * 1024 });
    const body = Buffer.alloc(1024, 1);
    for (let batch = 0; batch < 20; batch++) {
      await Promise.all(Array.from({ length: 1000 }, (_, i) => journal.append({ id: batch * 1000 + i }, body)));
    }
    await journal.close();
    const started = performance.now();
    const { journal: again, seen } = await replayAll(dir, 4 * 1024 * 1024);
    const ms = performance.now() - started;
    expect(seen.length).toBe(20_000);
    expect(ms).toBeLessThan(1500);
    await again.close();
  });
});
