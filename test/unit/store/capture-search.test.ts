// Search that reads bodies (free text covers method, URL, headers and body), the body token index
// as a prefilter that never loses a match (and answers one-word needles itself), and paging by
// offset from an anchor.
import { promises as fs } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '@shared/api-error';
import type { CaptureFilter } from '@shared/capture';
import type { CaptureStore } from '../../../src/main/engine/ports';
import { BodyTokenIndex, MAX_TOKEN_BYTES, tokenQuery } from '../../../src/main/engine/store/body-tokens';
import { asciiLower, bodyContains } from '../../../src/main/engine/store/capture-filter';
import { openCaptureStore } from '../../../src/main/engine/store/capture-store';
import { TAIL_BYTES } from '../../../src/main/engine/store/needle-tails';
import { listSegments, segmentPath } from '../../../src/main/engine/store/segment-files';
import { newCapture } from './capture-fixtures';
import { mulberry32 } from '../../support/seeded-random';
import { makeTempDir } from '../../support/temp-dir';

const roomy = { maxCaptures: 100_000, maxBytes: 1024 ** 3 };
let dir: string;
let store: CaptureStore;
beforeEach(async () => {
  dir = await makeTempDir('search');
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

  it('gives the same answers as a plain scan, with and without the token index (seeded, 1,500 captures, 300 queries)', async () => {
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
    const expected = (needle: string) =>
      made
        .filter((m) => bodyContains(Buffer.from(m.body), asciiLower(needle)))
        .map((m) => m.id)
        .reverse();
    const check = async () => {
      for (let q = 0; q < 150; q++) {
        const parts = Array.from({ length: 1 + Math.floor(rand() * 2) }, pick).join('');
        const start = Math.floor(rand() * Math.max(1, parts.length - 2));
        const needle = parts.slice(start, start + 2 + Math.floor(rand() * 10));
        const flipped = rand() < 0.5 ? needle.toUpperCase() : needle;
        expect(await ids({ body: flipped }, { limit: 1000 }), needle).toEqual(expected(flipped).slice(0, 1000));
      }
    };
    await check(); // first queries: bodies read and indexed as they are searched
    await reopenIndexed();
    await check(); // every body already indexed: the index decides what is read
  });

  it('matches a plain scan for free text over method, URL, headers and bodies with separators, long words, non-ASCII and deletes (seeded)', async () => {
    const rand = mulberry32(4242);
    const long = `Tok${'q'.repeat(MAX_TOKEN_BYTES + 10)}End`;
    const pieces = ['push', 'Invoice', '.', 'paid', '-', 'd', '4242', ' ', '"', ':', 'Ünï', 'ß', 'évé', '_x_', 'ZZ', '/', '\n', long, '\u00ff', 'a'];
    const pick = () => pieces[Math.floor(rand() * pieces.length)];
    store = await openCaptureStore(dir, roomy);
    const made: Array<{ id: string; body: Buffer; method: string; url: string; headers: Array<[string, string]>; live: boolean }> = [];
    for (let i = 0; i < 800; i++) {
      const text = Array.from({ length: 1 + Math.floor(rand() * 10) }, pick).join('');
      // some bodies hold bytes that are not UTF-8
      const body = rand() < 0.1 ? Buffer.concat([Buffer.from(text), Buffer.from([0xff, 0xc3])]) : Buffer.from(text);
      const method = rand() < 0.5 ? 'POST' : 'Put';
      const url = `/h/${pick()}${pick()}?q=${pick()}`.replace(/\s/g, '');
      const headers: Array<[string, string]> = [['X-Tag', `${pick()}${pick()}`.replace(/\n/g, '')]];
      made.push({ id: (await store.append(newCapture({ method, url, headers, body }))).id, body, method, url, headers, live: true });
    }
    const inMeta = (m: (typeof made)[number], lower: string) =>
      m.method.toLowerCase().includes(lower) ||
      m.url.toLowerCase().includes(lower) ||
      m.headers
        .map(([n, v]) => `${n}: ${v}\n`)
        .join('')
        .toLowerCase()
        .includes(lower);
    const expected = (needle: string) =>
      made
        .filter((m) => m.live && (inMeta(m, needle.toLowerCase()) || bodyContains(m.body, asciiLower(needle))))
        .map((m) => m.id)
        .reverse();
    const check = async (queries: number) => {
      for (let q = 0; q < queries; q++) {
        const source =
          rand() < 0.3
            ? `${made[Math.floor(rand() * made.length)].method}\n${made[Math.floor(rand() * made.length)].url}`
            : Array.from({ length: 3 }, pick).join('');
        const start = Math.floor(rand() * source.length);
        const needle = source.slice(start, start + 1 + Math.floor(rand() * 12));
        if (!needle) continue;
        const flipped = rand() < 0.5 ? needle.toUpperCase() : needle;
        expect(await ids({ text: flipped }, { limit: 1000 }), JSON.stringify(flipped)).toEqual(expected(flipped));
      }
    };
    await check(100);
    await reopenIndexed();
    await check(100);
    const gone = made.filter(() => rand() < 0.3);
    await store.delete(gone.map((m) => m.id));
    for (const m of gone) m.live = false;
    await check(100);
  });
});

describe('typing on', () => {
  it('decides the bodies that held the shorter needle from what followed it, without reading them again', async () => {
    store = await openCaptureStore(dir, roomy);
    const made: string[] = [];
    for (let i = 0; i < 200; i++) {
      const event = i % 10 === 3 ? 'Invoice.Paid' : i % 10 === 4 ? 'invoice.payment_failed' : 'push';
      made.push((await store.append(newCapture({ body: `{"event":"${event}","n":${i}}` }))).id);
    }
    await (store as unknown as { scans: { indexPending(): Promise<void> } }).scans.indexPending();
    const reads = countReads();
    const steps = ['invoice.', 'Invoice.P', 'invoice.pa', 'INVOICE.PAI', 'invoice.paid', 'invoice.paid"', 'invoice.pay'];
    const counts: number[] = [];
    for (const text of steps) {
      const before = reads.bodies;
      const total = (await store.list({ filter: { text }, limit: 1 })).total;
      counts.push(reads.bodies - before);
      expect(total, text).toBe(
        made.filter((_, i) =>
          text.toLowerCase().startsWith('invoice.pay')
            ? i % 10 === 4
            : text.toLowerCase().startsWith('invoice.pai')
              ? i % 10 === 3
              : i % 10 === 3 || i % 10 === 4,
        ).length,
      );
    }
    // the first needle with a separator reads its candidates; typing on reads nothing until the
    // needle no longer extends the last one ("invoice.pay" after "invoice.paid\"")
    expect(counts.slice(0, 6)).toEqual([40, 0, 0, 0, 0, 0]);
    expect(counts[6]).toBeGreaterThan(0);
  });

  it('counts overlapping places, and reads a body again once the needle has grown past what was kept', async () => {
    store = await openCaptureStore(dir, roomy);
    const overlap = await store.append(newCapture({ body: 'x.x.x.y' }));
    const other = await store.append(newCapture({ body: 'x.x.z' }));
    const long = await store.append(newCapture({ body: `k=abc.${'q'.repeat(TAIL_BYTES + 8)}` }));
    const shorter = await store.append(newCapture({ body: `k=abc.${'q'.repeat(TAIL_BYTES + 3)}r` }));
    expect(await ids({ text: 'x.x' })).toEqual([other.id, overlap.id]);
    expect(await ids({ text: 'x.x.' })).toEqual([other.id, overlap.id]);
    // "x.x.y" starts at the second place of "x.x", which overlaps the first
    expect(await ids({ text: 'x.x.y' })).toEqual([overlap.id]);
    for (let n = 0; n <= TAIL_BYTES + 8; n++) {
      const text = `abc.${'q'.repeat(n)}`;
      expect(await ids({ text }), text).toEqual(n <= TAIL_BYTES + 3 ? [shorter.id, long.id] : [long.id]);
    }
  });

  it('gives the answers of a plain scan while typing on, across many places, long extensions, deletes and new captures (seeded)', async () => {
    const rand = mulberry32(1307);
    const pieces = ['ab', 'a', 'b', '.', 'AB.', '-', 'x'.repeat(30), 'é', '"', 'zz'];
    const pick = () => pieces[Math.floor(rand() * pieces.length)];
    store = await openCaptureStore(dir, roomy);
    const made: Array<{ id: string; body: Buffer; live: boolean }> = [];
    const add = async () => {
      const body = Buffer.from(Array.from({ length: 1 + Math.floor(rand() * 14) }, pick).join(''));
      made.push({ id: (await store.append(newCapture({ url: '/t', headers: [['H', '1']], body }))).id, body, live: true });
    };
    for (let i = 0; i < 300; i++) await add();
    for (let round = 0; round < 60; round++) {
      // a needle typed one character at a time (sometimes with a capture arriving or leaving in between)
      const source = Array.from({ length: 6 }, pick).join('');
      const start = Math.floor(rand() * source.length);
      const full = source.slice(start, start + 1 + Math.floor(rand() * 45));
      for (let n = 1; n <= full.length; n++) {
        const typed = rand() < 0.3 ? full.slice(0, n).toUpperCase() : full.slice(0, n);
        if (rand() < 0.05) await add();
        if (rand() < 0.05) {
          const gone = made.filter((m) => m.live)[Math.floor(rand() * 50)];
          await store.delete([gone.id]);
          gone.live = false;
        }
        const key = rand() < 0.5 ? 'text' : 'body';
        const expected = made
          .filter((m) => m.live && bodyContains(m.body, asciiLower(typed)))
          .map((m) => m.id)
          .reverse();
        expect(await ids({ [key]: typed }, { limit: 1000 }), `${key} ${JSON.stringify(typed)}`).toEqual(expected);
      }
    }
  });
});

/** counts the bodies the store reads from its journal */
function countReads(): { bodies: number } {
  const counter = { bodies: 0 };
  const journal = (store as unknown as { journal: { readBodies: (p: unknown[], ...rest: unknown[]) => Promise<unknown> } }).journal;
  const real = journal.readBodies.bind(journal);
  journal.readBodies = (pointers, ...rest) => {
    counter.bodies += pointers.length;
    return real(pointers, ...rest);
  };
  return counter;
}

describe('a body the search cannot read', () => {
  it('makes the search fail with storage_error naming the capture, not answer without it; gone once the capture is deleted', async () => {
    store = await openCaptureStore(dir, roomy);
    const made: string[] = [];
    for (let i = 0; i < 30; i++) made.push((await store.append(newCapture({ body: `{"event":"invoice.paid","mark":"MARK-${i}-END"}` }))).id);
    // a byte of capture 17's body goes bad on disk while the store is open
    const [segment] = await listSegments(dir);
    const file = segmentPath(dir, segment);
    const at = (await fs.readFile(file)).indexOf('MARK-17-END');
    const handle = await fs.open(file, 'r+');
    await handle.write(Buffer.from('Q'), 0, 1, at);
    await handle.close();
    // background indexing skips it (it stays unindexed), so a search must read it
    await (store as unknown as { scans: { indexPending(): Promise<void> } }).scans.indexPending();
    for (const filter of [{ text: 'invoice.paid' }, { body: 'Invoice.Paid' }, { text: 'mark' }]) {
      const failed = await store.list({ filter }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failed, JSON.stringify(filter)).toBeInstanceOf(ApiError);
      expect(failed).toMatchObject({ code: 'storage_error' });
      expect((failed as Error).message).toContain(`search could not read the body of capture ${made[17]}: journal record at segment ${segment} offset`);
      expect((failed as Error).message).toContain('is corrupt');
    }
    await store.delete([made[17]]);
    expect(await ids({ text: 'invoice.paid' }, { limit: 100 })).toEqual(made.filter((_, i) => i !== 17).reverse());
  });
});

async function reopenIndexed(): Promise<void> {
  await store.close();
  store = await openCaptureStore(dir, roomy);
  await (store as unknown as { scans: { indexPending(): Promise<void> } }).scans.indexPending();
}

describe('a repeated query over the few captures that arrived since (each checked by itself)', () => {
  it('gives what a full pass gives, for free text, header and path filters (seeded)', async () => {
    const rand = mulberry32(2718);
    const parts = ['Alpha', 'beta', '/x', '?q=', 'D-42', 'É', 'ß', ':', ' '];
    const pick = () => parts[Math.floor(rand() * parts.length)];
    const make = () =>
      newCapture({
        method: rand() < 0.5 ? 'POST' : 'Get',
        url: `/h/${pick()}${pick()}?z=${pick()}`.replace(/\s/g, ''),
        headers: [
          ['X-A', `${pick()}${pick()}`],
          ['X-B', pick()],
        ],
        body: `${pick()} ${pick()}`,
      });
    store = await openCaptureStore(dir, roomy);
    for (let i = 0; i < 400; i++) await store.append(make());
    const filters: CaptureFilter[] = [
      { text: 'd-42' },
      { text: 'x-b: beta' },
      { text: 'get' },
      { text: '\nx-b' },
      { header: 'alpha' },
      { path: '/x' },
      { text: 'ß', header: 'x-a' },
    ];
    for (const filter of filters) {
      await ids(filter, { limit: 1000 }); // the full pass, kept
      for (let i = 0; i < 5; i++) await store.append(make());
      const repeated = await ids(filter, { limit: 1000 }); // only the 5 new ones are checked, one by one
      await store.list({ filter: { text: 'zzzz-other' }, limit: 1 }); // forget the kept result
      expect(repeated, JSON.stringify(filter)).toEqual(await ids(filter, { limit: 1000 }));
    }
  });
});

describe('body token index', () => {
  const bodyPieces = ['push', 'PUSH', 'Invoice', 'paid', 'é', 'Ünï', 'ß', '_', '0', '42', '.', '-', ' ', '"', '\n', '{', 'q'.repeat(40)];

  it('never rules out a body that holds the needle, and answers one-word needles exactly (seeded fuzz)', () => {
    const rand = mulberry32(99);
    const index = new BodyTokenIndex();
    const bodies: Buffer[] = [];
    for (let seq = 1; seq <= 1500; seq++) {
      const text = Array.from({ length: 1 + Math.floor(rand() * 15) }, () => bodyPieces[Math.floor(rand() * bodyPieces.length)]).join('');
      const body = rand() < 0.1 ? Buffer.concat([Buffer.from(text), Buffer.from([0xfe])]) : Buffer.from(text);
      bodies[seq] = body;
      expect(index.add(seq, body)).toBe(true);
    }
    for (let q = 0; q < 200; q++) {
      const from = bodies[1 + Math.floor(rand() * 1500)].toString('utf8');
      const start = Math.floor(rand() * from.length);
      const needle = asciiLower(from.slice(start, start + 1 + Math.floor(rand() * 8)));
      const query = tokenQuery(needle);
      const bits = index.candidates(query, 1500);
      for (let seq = 1; seq <= 1500; seq++) {
        const holds = bodyContains(bodies[seq], needle);
        if (!bits) continue;
        if (holds) expect(bits.has(seq), `${JSON.stringify(needle)} in body ${seq}`).toBe(true);
        if (query.exact) expect(bits.has(seq), `${JSON.stringify(needle)} exact, body ${seq}`).toBe(holds);
      }
    }
  });

  it('narrows to exactly the bodies whose words fit every run: whole words looked up, prefixes, suffixes, repeated runs (seeded)', () => {
    const rand = mulberry32(1305);
    const vocabulary = ['invoice', 'paid', 'inv', 'aid', 'pa', 'd', '4242', 'd4242', 'x', 'évé', 'a_b'];
    const separators = ['.', '-', '"', ' ', '/', ':'];
    const index = new BodyTokenIndex();
    const words: Array<Set<string>> = [];
    for (let seq = 1; seq <= 600; seq++) {
      const parts: string[] = [];
      for (let k = 0; k < 1 + Math.floor(rand() * 8); k++) {
        parts.push(vocabulary[Math.floor(rand() * vocabulary.length)]);
        if (rand() < 0.8) parts.push(separators[Math.floor(rand() * separators.length)]);
      }
      const body = Buffer.from(parts.join(''));
      index.add(seq, body);
      // the words as the index defines them: runs of [0-9a-z_] and bytes >= 0x80
      words[seq] = new Set(asciiLower(body.toString('latin1')).match(/[0-9a-z_\x80-\xff]+/g) ?? []);
    }
    for (let q = 0; q < 300; q++) {
      const needle = Array.from({ length: 1 + Math.floor(rand() * 4) }, () =>
        rand() < 0.5 ? vocabulary[Math.floor(rand() * vocabulary.length)] : separators[Math.floor(rand() * separators.length)],
      ).join('');
      const query = tokenQuery(needle);
      const bits = index.candidates(query, 600);
      if (!query.runs.length) {
        expect(bits).toBeNull();
        continue;
      }
      for (let seq = 1; seq <= 600; seq++) {
        const fit = query.runs.every(({ token, start, end }) =>
          [...words[seq]].some((w) => (start && end ? w === token : start ? w.startsWith(token) : end ? w.endsWith(token) : w.includes(token))),
        );
        expect(bits!.has(seq), `${JSON.stringify(needle)} body ${seq}`).toBe(fit);
      }
    }
  });

  it('rules out the bodies that do not hold a needle with separators', () => {
    const index = new BodyTokenIndex();
    const rand = mulberry32(7);
    for (let seq = 1; seq <= 1000; seq++)
      index.add(seq, Buffer.from(JSON.stringify({ event: seq % 100 === 7 ? 'invoice.paid' : 'push', id: `evt_${rand()}`, padding: 'x'.repeat(600) })));
    const bits = index.candidates(tokenQuery('invoice.paid'), 1000)!;
    const candidates = Array.from({ length: 1000 }, (_, i) => i + 1).filter((seq) => bits.has(seq));
    expect(candidates).toEqual(Array.from({ length: 10 }, (_, i) => i * 100 + 7));
    expect(tokenQuery('push').exact).toBe(true);
    expect(tokenQuery('invoice.paid').exact).toBe(false);
    expect(tokenQuery('.-').runs).toEqual([]);
  });

  it('says a body is not fully indexed when a word is too long or over the budget', () => {
    const small = new BodyTokenIndex(200);
    expect(small.add(1, Buffer.from('alpha beta'))).toBe(true);
    expect(small.add(2, Buffer.from(`gamma ${'z'.repeat(MAX_TOKEN_BYTES + 1)}`))).toBe(false);
    expect(small.add(3, Buffer.from('delta epsilon zeta eta theta iota kappa lambda'))).toBe(false);
    expect(small.add(4, Buffer.from('alpha'))).toBe(true); // known words cost nothing
    // postings of known words grow with the captures; only new words count against the budget
    const roomy = new BodyTokenIndex(300);
    for (let seq = 1; seq < 20_000; seq++) roomy.add(seq, Buffer.from('alpha beta'));
    expect(roomy.add(20_000, Buffer.from('gamma'))).toBe(true);
  });

  it('compacts away the postings of removed captures without changing what live ones match', () => {
    const rand = mulberry32(5);
    const index = new BodyTokenIndex();
    const fresh = new BodyTokenIndex();
    const live = new Set<number>();
    for (let seq = 1; seq <= 3000; seq++) {
      const body = Buffer.from(Array.from({ length: 6 }, () => bodyPieces[Math.floor(rand() * bodyPieces.length)]).join(' '));
      index.add(seq, body);
      if (rand() < 0.4) {
        live.add(seq);
        fresh.add(seq, body);
      }
    }
    const before = index.size;
    index.compact((seq) => live.has(seq));
    expect(index.size).toBeLessThanOrEqual(before);
    for (const needle of ['push', 'paid', 'q', 'é', '42', 'inv', '_']) {
      const a = index.candidates(tokenQuery(needle), 3000)!;
      const b = fresh.candidates(tokenQuery(needle), 3000)!;
      for (const seq of live) expect(a.has(seq), `${needle} ${seq}`).toBe(b.has(seq));
      for (let seq = 1; seq <= 3000; seq++) if (!live.has(seq)) expect(a.has(seq)).toBe(false);
    }
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
