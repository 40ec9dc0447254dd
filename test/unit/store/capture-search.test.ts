// Search that reads bodies (free text covers method, URL, headers and body), body signatures as
// a prefilter that never loses a match, and paging by offset from an anchor.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureFilter } from '../../../src/shared/capture';
import type { CaptureStore } from '../../../src/main/engine/ports';
import { needleMask, SignaturePool } from '../../../src/main/engine/store/body-signature';
import { asciiLower, bodyContains } from '../../../src/main/engine/store/capture-filter';
import { openCaptureStore } from '../../../src/main/engine/store/capture-store';
import { newCapture } from './capture-fixtures';
import { mulberry32 } from '../../support/seeded-random';

const roomy = { maxCaptures: 100_000, maxBytes: 1024 ** 3 };
let dir: string;
let store: CaptureStore;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hb-search-'));
});
afterEach(async () => {
  await store?.close().catch(() => undefined);
  await fs.rm(dir, { recursive: true, force: true });
});

const ids = async (filter: CaptureFilter, extra: { offset?: number; beforeSeq?: number; limit?: number } = {}) =>
  (await store.list({ filter, ...extra })).items.map((c) => c.id);

describe('free-text search', () => {
  it('finds text in the method, URL, headers or body, case-insensitively', async () => {
    store = await openCaptureStore(dir, roomy);
    const inBody = await store.append(newCapture({ url: '/a', body: '{"event":"Invoice.Paid"}' }));
    const inHeader = await store.append(newCapture({ url: '/b', headers: [['X-Event', 'invoice.paid']], body: '{}' }));
    const inUrl = await store.append(newCapture({ url: '/invoice.paid', body: '{}' }));
    await store.append(newCapture({ url: '/c', body: '{"event":"invoice.created"}' }));
    expect(await ids({ text: 'INVOICE.PAID' })).toEqual([inUrl.id, inHeader.id, inBody.id]);
    expect((await store.list({ filter: { text: 'invoice' } })).total).toBe(4);
    // narrowing the needle (typing on) and widening it again give the same as a fresh search
    expect(await ids({ text: 'invoice.p' })).toEqual([inUrl.id, inHeader.id, inBody.id]);
    expect(await ids({ text: 'invoice.paid"' })).toEqual([inBody.id]);
    expect(await ids({ text: 'invoice.c' })).toHaveLength(1);
    // other characters match exactly; ASCII letters around them fold
    const accented = await store.append(newCapture({ body: 'Ünïcode Straße' }));
    expect(await ids({ text: 'ünïcode' })).toEqual([]);
    expect(await ids({ text: 'Ünïcode STRAßE' })).toEqual([accented.id]);
  });

  it('finds captures added after a search, and forgets deleted ones', async () => {
    store = await openCaptureStore(dir, roomy);
    const a = await store.append(newCapture({ body: 'needle one' }));
    expect(await ids({ text: 'needle' })).toEqual([a.id]);
    const b = await store.append(newCapture({ body: 'a NEEDLE two' }));
    expect(await ids({ text: 'needle' })).toEqual([b.id, a.id]);
    await store.delete([a.id]);
    expect(await ids({ text: 'needle' })).toEqual([b.id]);
  });

  it('gives the same answers as a plain scan, with and without signatures (seeded, 1,500 captures, 300 queries)', async () => {
    const rand = mulberry32(1313);
    const words = ['push', 'Invoice', 'paid', 'ZOOM', 'meeting.started', 'évé', 'x', 'ab', 'github', 'STRIPE', '{"id":', 'null'];
    const pick = () => words[Math.floor(rand() * words.length)];
    const bodies: string[] = [];
    store = await openCaptureStore(dir, roomy);
    const made: Array<{ id: string; body: string; url: string }> = [];
    for (let i = 0; i < 1500; i++) {
      const body = Array.from({ length: 1 + Math.floor(rand() * 12) }, pick).join(rand() < 0.5 ? ' ' : '');
      const url = `/h/${Math.floor(rand() * 50)}`;
      bodies.push(body);
      made.push({ id: (await store.append(newCapture({ url, body, headers: [['X-N', String(i)]] }))).id, body, url });
    }
    const expected = (needle: string) => made.filter((m) => bodyContains(Buffer.from(m.body), asciiLower(needle))).map((m) => m.id).reverse();
    const check = async () => {
      for (let q = 0; q < 150; q++) {
        const parts = Array.from({ length: 1 + Math.floor(rand() * 2) }, pick).join('');
        const start = Math.floor(rand() * Math.max(1, parts.length - 2));
        const needle = parts.slice(start, start + 2 + Math.floor(rand() * 10));
        const flipped = rand() < 0.5 ? needle.toUpperCase() : needle;
        expect(await ids({ body: flipped }, { limit: 1000 }), needle).toEqual(expected(flipped).slice(0, 1000));
      }
    };
    await check(); // first queries: bodies read and signed as they are searched
    await reopenSigned();
    await check(); // every body already signed: the signatures decide what is read
  });
});

async function reopenSigned(): Promise<void> {
  await store.close();
  store = await openCaptureStore(dir, roomy);
  await (store as unknown as { scans: { signPending(): Promise<void> } }).scans.signPending();
}

describe('body signatures', () => {
  it('never rule out a body that holds the needle (seeded fuzz)', () => {
    const rand = mulberry32(99);
    const pool = new SignaturePool();
    for (let i = 0; i < 2000; i++) {
      const bytes = Buffer.from(Array.from({ length: 3 + Math.floor(rand() * 200) }, () => Math.floor(rand() * 256)));
      const slot = pool.add(bytes);
      const from = Math.floor(rand() * (bytes.length - 3));
      const needle = asciiLower(bytes.subarray(from, from + 3 + Math.floor(rand() * 20)).toString('latin1'));
      // a latin1 needle's utf-8 bytes differ from the body's bytes outside ASCII: only ASCII trigrams count
      const mask = needleMask(needle);
      if (mask && /^[\x00-\x7f]*$/.test(needle)) expect(pool.mayContain(slot, mask)).toBe(true);
    }
  });

  it('rule out most bodies that do not hold a long needle', () => {
    const pool = new SignaturePool();
    const rand = mulberry32(7);
    const slots = Array.from({ length: 1000 }, () => pool.add(Buffer.from(JSON.stringify({ event: 'push', id: `evt_${rand()}`, padding: 'x'.repeat(600) }))));
    const mask = needleMask('invoice.paid')!;
    expect(slots.filter((s) => pool.mayContain(s, mask)).length).toBeLessThan(20);
  });
});

describe('paging by offset', () => {
  it('reaches any position directly, anchored so that new captures do not shift it', async () => {
    store = await openCaptureStore(dir, roomy);
    const made: string[] = [];
    for (let i = 0; i < 250; i++) made.push((await store.append(newCapture({ url: i % 2 ? '/odd' : '/even' }))).id);
    const newestFirst = [...made].reverse();
    expect(await ids({}, { offset: 240, limit: 100 })).toEqual(newestFirst.slice(240));
    const page = await store.list({ offset: 249, limit: 1 });
    expect(page).toMatchObject({ total: 250, items: [{ id: made[0] }] });
    const anchor = (await store.list({ limit: 1 })).items[0].seq + 1;
    await store.append(newCapture());
    expect(await ids({}, { beforeSeq: anchor, offset: 100, limit: 3 })).toEqual(newestFirst.slice(100, 103));
    // with a filter, offsets count matches only
    const evens = newestFirst.filter((_, i) => i % 2 === 1);
    expect(await ids({ path: '/even' }, { beforeSeq: anchor, offset: 120, limit: 10 })).toEqual(evens.slice(120, 130));
    expect(await ids({ text: 'even' }, { beforeSeq: anchor, offset: 120, limit: 10 })).toEqual(evens.slice(120, 130));
  });
});
