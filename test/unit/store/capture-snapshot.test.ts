// The capture index snapshot: an open that starts from it (fresh, stale after a crash, older,
// damaged, cut short, foreign or missing) must give exactly what a plain replay of the journal
// gives — same captures, details, delivery notes and search answers — and never lose a capture.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureStore } from '../../../src/main/engine/ports';
import { openCaptureStore, type Retention } from '../../../src/main/engine/store/capture-store';
import { SNAPSHOT_FILE } from '../../../src/main/engine/store/capture-snapshot';
import { newCapture } from './capture-fixtures';
import { mulberry32 } from '../../support/seeded-random';
import { makeTempDir } from '../../support/temp-dir';

const roomy: Retention = { maxCaptures: 100_000, maxBytes: 1024 ** 3 };
const SEGMENT = 6 * 1024;
let dir: string;
const open: CaptureStore[] = [];
beforeEach(async () => {
  dir = await makeTempDir('snapshot');
});
afterEach(async () => {
  for (const store of open.splice(0)) await store.close().catch(() => undefined);
  await fs.rm(dir, { recursive: true, force: true });
});

const snapshotFile = () => path.join(dir, SNAPSHOT_FILE);
const words = ['push', 'Invoice.Paid', 'évé', 'd-42', 'ZOOM', '{"id":', 'null', 'x'.repeat(30), 'Straße'];

async function openStore(retention: Retention, options: { snapshot?: boolean; readOnly?: boolean } = {}): Promise<CaptureStore> {
  const store = await openCaptureStore(dir, retention, { segmentBytes: SEGMENT, ...options });
  open.push(store);
  return store;
}

async function indexBodies(store: CaptureStore): Promise<void> {
  await (store as unknown as { scans: { indexPending(): Promise<void> } }).scans.indexPending();
}

/** appends, deletes (when allowed), undelivered notes and the odd clear */
async function randomOps(store: CaptureStore, rand: () => number, count: number, deletes: boolean): Promise<void> {
  const pick = () => words[Math.floor(rand() * words.length)];
  for (let i = 0; i < count; i++) {
    const r = rand();
    const live = (await store.list({ limit: 1000 })).items;
    if (deletes && r < 0.08 && live.length) {
      await store.delete(live.filter(() => rand() < 0.3).map((c) => c.id));
    } else if (r < 0.15 && live.length) {
      await store.markUndelivered(live[Math.floor(rand() * live.length)].id, `note ${i}`);
    } else if (deletes && r < 0.16) {
      await store.clear();
    } else {
      const body = Array.from({ length: 1 + Math.floor(rand() * 8) }, pick).join(rand() < 0.5 ? ' ' : '');
      await store.append(
        newCapture({
          method: rand() < 0.5 ? 'POST' : 'PUT',
          url: `/h/${pick()}?n=${i}`,
          headers: [['X-Tag', pick()]],
          body,
          ...(rand() < 0.2 ? { kind: 'launch' as const, triggerId: 't1' } : { kind: 'inbox' as const }),
        }),
      );
    }
  }
}

async function picture(store: CaptureStore) {
  const page = await store.list({ limit: 1000 });
  const details = await Promise.all(page.items.map((c) => store.get(c.id)));
  const searches: Record<string, string[]> = {};
  for (const needle of ['push', 'invoice.paid', 'évé', 'd-4', 'x-tag: zoom', '/h/null', 'STRASSE', 'straße', '"id"']) {
    searches[`text ${needle}`] = (await store.list({ filter: { text: needle }, limit: 1000 })).items.map((c) => c.id);
    searches[`body ${needle}`] = (await store.list({ filter: { body: needle }, limit: 1000 })).items.map((c) => c.id);
  }
  searches.trigger = (await store.list({ filter: { triggerId: 't1' }, limit: 1000 })).items.map((c) => c.id);
  return { total: page.total, count: store.count(), items: page.items, details, searches };
}

type Damage = 'none' | 'truncate' | 'flip' | 'older' | 'garbage' | 'missing' | 'empty';
const DAMAGES: Damage[] = ['none', 'truncate', 'flip', 'older', 'garbage', 'missing', 'empty'];

async function damage(kind: Damage, rand: () => number, older: Buffer | null): Promise<void> {
  const file = snapshotFile();
  const bytes = await fs.readFile(file).catch(() => null);
  if (kind === 'missing') await fs.rm(file, { force: true });
  if (kind === 'empty') await fs.writeFile(file, '');
  if (kind === 'garbage') await fs.writeFile(file, Buffer.from(Array.from({ length: 200 }, () => Math.floor(rand() * 256))));
  if (kind === 'older' && older) await fs.writeFile(file, older);
  if (!bytes) return;
  if (kind === 'truncate') await fs.writeFile(file, bytes.subarray(0, Math.floor(rand() * bytes.length)));
  if (kind === 'flip') {
    const at = Math.floor(rand() * bytes.length);
    bytes[at] ^= 1 << Math.floor(rand() * 8);
    await fs.writeFile(file, bytes);
  }
}

describe('capture index snapshot', () => {
  it('writes one at close and the next open starts from it, bodies already indexed', async () => {
    let store = await openStore(roomy);
    for (let i = 0; i < 30; i++) await store.append(newCapture({ body: `{"event":"push","n":${i}}` }));
    await indexBodies(store);
    await store.close();
    expect((await fs.stat(snapshotFile())).size).toBeGreaterThan(0);
    store = await openStore(roomy);
    const pending = (store as unknown as { scans: { unindexed: unknown[] } }).scans.unindexed;
    expect(pending).toHaveLength(0);
    expect((await store.list({ filter: { text: 'push' } })).total).toBe(30);
  });

  it('equals a plain replay when fresh, stale after a crash, older, damaged, cut short or missing (seeded fuzz)', async () => {
    for (let round = 0; round < 42; round++) {
      const rand = mulberry32(9000 + round);
      await fs.rm(dir, { recursive: true, force: true });
      await fs.mkdir(dir, { recursive: true });
      // tight retention evicts and drops segments; it is exercised without deletes, which a plain replay would undo (see capture-snapshot.ts)
      const tight = round % 4 === 3;
      const retention = tight ? { maxCaptures: 25, maxBytes: 1024 ** 3 } : roomy;
      let store = await openStore(retention);
      await randomOps(store, rand, 40 + Math.floor(rand() * 40), !tight);
      if (rand() < 0.7) await indexBodies(store);
      await store.close();
      open.splice(open.indexOf(store), 1);
      const older = await fs.readFile(snapshotFile()).catch(() => null);

      store = await openStore(retention);
      await randomOps(store, rand, Math.floor(rand() * 40), !tight);
      if (rand() < 0.5) {
        await store.close();
        open.splice(open.indexOf(store), 1);
      } // else: a crash — the journal has it all, the snapshot is the older one
      const kind = DAMAGES[round % DAMAGES.length];
      await damage(kind, rand, older);
      // and now and then the journal itself: a byte of an older segment flipped after the snapshot was written
      const segments = (await fs.readdir(dir)).filter((n) => n.endsWith('.journal')).sort();
      const hurt = rand() < 0.5 && segments.length > 1;
      if (hurt) {
        const file = path.join(dir, segments[Math.floor(rand() * (segments.length - 1))]);
        const bytes = await fs.readFile(file);
        bytes[Math.floor(rand() * bytes.length)] ^= 0x10;
        await fs.writeFile(file, bytes);
      }

      // either may open first: a plain open that applies retention drops segments the snapshot covers
      const plainFirst = rand() < 0.5;
      const plain = plainFirst ? await openStore(retention, { snapshot: false }) : null;
      const fromSnapshot = await openStore(retention);
      const other = plain ?? (await openStore(retention, { snapshot: false }));
      const a = await picture(fromSnapshot);
      const b = await picture(other);
      expect(a, `round ${round} (${kind}, ${tight ? 'tight' : 'roomy'}${hurt ? ', journal damaged' : ''})`).toEqual(b);
      for (const s of open.splice(0)) await s.close();
    }
  });
});
