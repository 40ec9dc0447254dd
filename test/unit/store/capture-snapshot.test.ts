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

async function openStore(
  retention: Retention,
  options: { snapshot?: boolean; readOnly?: boolean; snapshotEvery?: { captures: number; idleMs: number; idleChanges?: number } } = {},
): Promise<CaptureStore> {
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
      // a snapshot that is damaged, cut short, garbage or gone is never used: a full replay, and the store says so
      if (['truncate', 'flip', 'garbage', 'missing', 'empty'].includes(kind))
        expect((fromSnapshot as unknown as Opened).opened.fromSnapshot, `round ${round} (${kind})`).toBe(false);
      const other = plain ?? (await openStore(retention, { snapshot: false }));
      const a = await picture(fromSnapshot);
      const b = await picture(other);
      expect(a, `round ${round} (${kind}, ${tight ? 'tight' : 'roomy'}${hurt ? ', journal damaged' : ''})`).toEqual(b);
      for (const s of open.splice(0)) await s.close();
    }
  });
});

type Opened = {
  opened: { fromSnapshot: boolean; replayedRecords: number };
  snapshots: { written: number; close(): Promise<void> } | null;
  scans: { close(): Promise<void> };
};
const internals = (store: CaptureStore) => store as unknown as Opened;

describe('capture index snapshot written while running', () => {
  it('is written in the background after N changes and when idle, and a crash after it replays only the journal since', async () => {
    const store = await openStore(roomy, { snapshotEvery: { captures: 20, idleMs: 60_000 } });
    for (let i = 0; i < 25; i++) await store.append(newCapture({ body: `{"event":"push","n":${i}}` }));
    await waitFor(() => internals(store).snapshots!.written >= 1);
    for (let i = 0; i < 7; i++) await store.append(newCapture({ body: `{"event":"later","n":${i}}` }));
    // a crash: no close; the snapshot on disk is the one written in the background
    const reopened = await openStore(roomy);
    expect(internals(reopened).opened.fromSnapshot).toBe(true);
    expect(internals(reopened).opened.replayedRecords).toBeLessThan(32);
    expect(internals(reopened).opened.replayedRecords).toBeGreaterThanOrEqual(7);
    expect(reopened.count()).toBe(32);
    expect((await reopened.list({ filter: { text: 'later' } })).total).toBe(7);

    const idle = await openStore(roomy, { snapshotEvery: { captures: 1_000_000, idleMs: 30, idleChanges: 3 } });
    // this open replayed what the crash left out of the snapshot: a new one follows once idle
    await waitFor(() => internals(idle).snapshots!.written === 1);
    const before = internals(idle).snapshots!.written;
    // fewer changes than idleChanges: not worth a snapshot when idle
    await idle.append(newCapture({ body: 'idle' }));
    await new Promise((r) => setTimeout(r, 120));
    expect(internals(idle).snapshots!.written).toBe(before);
    await idle.append(newCapture({ body: 'idle' }));
    await idle.append(newCapture({ body: 'idle' }));
    await waitFor(() => internals(idle).snapshots!.written > before);
  });

  it('equals a plain replay after background snapshots amid concurrent appends, deletes, notes, eviction and a crash (seeded fuzz)', async () => {
    let fromSnapshots = 0;
    for (let round = 0; round < 24; round++) {
      const rand = mulberry32(7100 + round);
      await fs.rm(dir, { recursive: true, force: true });
      await fs.mkdir(dir, { recursive: true });
      const tight = round % 3 === 2;
      const retention = tight ? { maxCaptures: 30, maxBytes: 1024 ** 3 } : roomy;
      const every = { captures: 5 + Math.floor(rand() * 20), idleMs: 5 + Math.floor(rand() * 20), idleChanges: 1 };
      const store = await openStore(retention, { snapshotEvery: every });
      for (let step = 0; step < 6; step++) {
        // appends in flight together, then the rest of the operations
        const burst = Math.floor(rand() * 12);
        await Promise.all(
          Array.from({ length: burst }, (_, k) => store.append(newCapture({ url: `/burst/${step}/${k}`, body: `push ${words[k % words.length]}` }))),
        );
        await randomOps(store, rand, 5 + Math.floor(rand() * 10), !tight);
        if (rand() < 0.4) await indexBodies(store);
        if (rand() < 0.5) await new Promise((r) => setTimeout(r, every.idleMs + 10));
      }
      // at least one snapshot written while running, then more changes (some while another may be written), then a crash (no close)
      await waitFor(() => internals(store).snapshots!.written > 0);
      await randomOps(store, rand, Math.floor(rand() * 10), !tight);
      // the crash: this process writes nothing more (a snapshot under way either finished or never
      // landed; the segment drops retention started finish, as they would before the next open)
      await internals(store).snapshots!.close();
      await internals(store).scans.close();
      await new Promise((r) => setTimeout(r, 30));
      const damaged = rand() < 0.25;
      if (damaged) await damage('flip', rand, null);
      const plain = await openStore(retention, { snapshot: false });
      const fromSnapshot = await openStore(retention);
      // a damaged snapshot is never used; an intact one always is, unless retention has since dropped the segment it ends in
      if (damaged || !tight)
        expect(internals(fromSnapshot).opened.fromSnapshot, `round ${round}: ${damaged ? 'a damaged snapshot was used' : 'the snapshot was not used'}`).toBe(
          !damaged,
        );
      const a = await picture(fromSnapshot);
      const b = await picture(plain);
      expect(a, `round ${round} (${tight ? 'tight' : 'roomy'}${damaged ? ', damaged' : ''}, snapshot ${internals(fromSnapshot).opened.fromSnapshot})`).toEqual(
        b,
      );
      if (internals(fromSnapshot).opened.fromSnapshot) fromSnapshots++;
      for (const s of open.splice(0)) await s.close();
    }
    expect(fromSnapshots).toBeGreaterThan(8);
  });
});

async function waitFor(condition: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}
