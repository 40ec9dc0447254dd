// The columnar capture index against a plain model (an array of summaries): adds (some out of
// seq order), deletes, eviction, compaction, clears; ids, summaries, counts, bytes, the oldest
// row, URL/path and header lookups must agree at every step (seeded).
import { describe, expect, it } from 'vitest';
import type { CaptureSummary, HeaderTuple } from '@shared/capture';
import { CaptureIndex, DISTINCT_VALUES_KEPT, headerLine } from '../../../src/main/engine/store/capture-index';
import { newCaptureId } from '../../../src/main/engine/store/capture-id';
import { mulberry32 } from '../../support/seeded-random';

interface Model {
  summary: CaptureSummary;
  headers: HeaderTuple[];
  length: number;
  segment: number;
  live: boolean;
}

const pieces = ['a', 'B', 'push', '/', '?', 'x=1', 'É', 'ß', 'İ', 'Σ', '-', ' ', ':', '\u00ff', 'ZZ', 'd-42'];

describe('columnar capture index', () => {
  it('agrees with a plain list of summaries through adds, deletes, eviction, compaction and clears (seeded)', () => {
    const rand = mulberry32(31337);
    const pick = () => pieces[Math.floor(rand() * pieces.length)];
    const text = (n: number) => Array.from({ length: n }, pick).join('');
    // compacts often: every few dead rows
    const index = new CaptureIndex(8);
    let model: Model[] = [];
    let seq = 0;
    const liveOnes = () => model.filter((m) => m.live).sort((a, b) => a.summary.seq - b.summary.seq);
    const check = (step: number) => {
      const live = liveOnes();
      expect(index.count, `step ${step}`).toBe(live.length);
      expect(index.liveBytes).toBe(live.reduce((sum, m) => sum + m.length, 0));
      const oldest = index.oldestRow();
      expect(oldest === -1 ? null : index.id(oldest)).toBe(live[0]?.summary.id ?? null);
      const rows: number[] = [];
      for (let r = index.head; r < index.end; r++) if (index.live(r)) rows.push(r);
      expect(rows.map((r) => index.summary(r))).toEqual(live.map((m) => m.summary));
      for (const m of model) {
        const row = index.rowOf(m.summary.id);
        expect(row !== -1, m.summary.id).toBe(m.live);
        if (row !== -1) {
          expect(index.rowOfSeq(m.summary.seq)).toBe(row);
          expect(index.pointer(row).segment).toBe(m.segment);
        }
      }
      const needle = text(1 + Math.floor(rand() * 2)).toLowerCase();
      const urls = index.urlHolding(needle, false);
      const paths = index.urlHolding(needle, true);
      const headers = index.headerHolding(needle);
      for (const r of rows) {
        const m = live[rows.indexOf(r)];
        expect(urls[r] === 1, `url ${m.summary.url} ${needle}`).toBe(m.summary.url.toLowerCase().includes(needle));
        expect(paths[r] === 1, `path ${m.summary.url} ${needle}`).toBe(m.summary.path.toLowerCase().includes(needle));
        const joined = m.headers
          .map(([n, v]) => `${n}: ${v}\n`)
          .join('')
          .toLowerCase();
        expect(headers[r] === 1, `headers ${joined} ${needle}`).toBe(joined.includes(needle));
        // the same asked of one row
        expect(index.urlHoldsAt(r, needle, false)).toBe(urls[r] === 1);
        expect(index.urlHoldsAt(r, needle, true)).toBe(paths[r] === 1);
        expect(index.headerHoldsAt(r, needle)).toBe(headers[r] === 1);
      }
      // a needle across header lines
      const across = index.headerHolding('\nx-');
      for (const r of rows) expect(across[r] === 1).toBe(live[rows.indexOf(r)].headers.length > 1);
    };
    for (let step = 0; step < 3000; step++) {
      const r = rand();
      if (r < 0.7) {
        // now and then a capture whose seq is below the newest (rows reorder)
        const s = rand() < 0.02 && seq > 3 ? seq - 0.5 : ++seq;
        const url = `/${text(1 + Math.floor(rand() * 4))}`;
        const q = url.indexOf('?');
        const summary: CaptureSummary = {
          id: newCaptureId(1_700_000_000_000 + step),
          seq: s,
          receivedAt: 1_700_000_000_000 + step,
          method: rand() < 0.5 ? 'POST' : 'Put',
          url,
          path: q === -1 ? url : url.slice(0, q),
          status: rand() < 0.9 ? 200 : 404,
          bodySize: Math.floor(rand() * 5000),
          contentType: rand() < 0.3 ? null : `text/${text(1)}`,
          remoteAddress: '127.0.0.1',
          kind: rand() < 0.2 ? 'launch' : 'inbox',
          ...(rand() < 0.2 ? { triggerId: 't1', outcome: 'launched' as const } : {}),
        };
        const headers: HeaderTuple[] = Array.from({ length: Math.floor(rand() * 3) }, (_, k) => [`X-${k}`, text(1 + Math.floor(rand() * 3))]);
        const length = 100 + Math.floor(rand() * 1000);
        const segment = 1 + Math.floor(step / 100);
        index.add(summary, { segment, offset: step * 10, length }, headers);
        model.push({ summary, headers, length, segment, live: true });
      } else if (r < 0.85) {
        const live = model.filter((m) => m.live);
        for (const m of live) {
          if (rand() >= 0.3) continue;
          expect(index.remove(m.summary.id)).toBe(true);
          m.live = false;
        }
        expect(index.remove('no such id')).toBe(false);
      } else if (r < 0.995) {
        const max = Math.floor(rand() * 400) + 1;
        const evicted = index.evict(max, 1024 ** 3);
        const live = liveOnes();
        const drop = Math.max(0, live.length - Math.max(1, max));
        for (const m of live.slice(0, drop)) m.live = false;
        expect(evicted).toBe(drop);
      } else {
        index.clear();
        model = [];
      }
      if (step % 50 === 0) check(step);
    }
    check(3000);
    expect(index.epoch).toBeGreaterThan(20);
    expect(headerLine('X-A', 'B')).toBe('x-a: b\n');
  });

  it('drops the shapes and content types of gone captures: a multipart boundary per request does not grow memory for good (seeded)', () => {
    const rand = mulberry32(4242);
    const index = new CaptureIndex(64);
    const kept: CaptureSummary[] = [];
    const KEEP = 50;
    for (let i = 1; i <= 30_000; i++) {
      const unique = rand() < 0.9;
      const summary: CaptureSummary = {
        id: newCaptureId(1_700_000_000_000 + i),
        seq: i,
        receivedAt: 1_700_000_000_000 + i,
        method: 'POST',
        url: `/upload/${i % 7}`,
        path: `/upload/${i % 7}`,
        status: 200,
        bodySize: 10,
        // mostly a boundary of its own; now and then no content type at all (id 0)
        contentType: rand() < 0.05 ? null : `multipart/form-data; boundary=----b${unique ? i : 'shared'}`,
        remoteAddress: '127.0.0.1',
        kind: 'launch',
        // a trigger id per request varies the shape too
        triggerId: unique ? `t-${i}` : 'shared',
        outcome: 'launched',
      };
      index.add(summary, { segment: 1, offset: i * 10, length: 10 }, []);
      kept.push(summary);
      if (kept.length > KEEP) kept.splice(0, kept.length - KEEP);
      index.evict(KEEP, 1024 ** 3);
      if (i % 997 === 0 || i === 30_000) {
        const rows: CaptureSummary[] = [];
        for (let r = index.head; r < index.end; r++) if (index.live(r)) rows.push(index.summary(r));
        expect(rows).toEqual(kept);
      }
    }
    // bounded by what is kept between compactions, not by every capture ever seen
    expect(index.shapeList.length).toBeLessThanOrEqual(DISTINCT_VALUES_KEPT + 2 * 64 + KEEP);
    expect(index.parts().contentTypes.size).toBeLessThanOrEqual(DISTINCT_VALUES_KEPT + 2 * 64 + KEEP);
  });
});
