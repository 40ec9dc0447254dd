// The trigger log keeps only a summary per entry in memory and reads entries back from its
// journal: what it lists must be exactly what was appended (as a reopen would read it), the
// summary's filters must pick the same entries the full entries would, and a record damaged on
// disk after it was written must give a clear error, not a crash or a wrong answer.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TriggerOutcome } from '@shared/capture';
import type { ConditionResult, TriggerLogEntry, TriggerLogFilter } from '@shared/trigger-log';
import { createLaunchHistory } from '../../../src/main/engine/triggers/launch-history';
import { openTriggerLogStore } from '../../../src/main/engine/triggers/trigger-log-store';
import { segmentPath } from '../../../src/main/engine/store/segment-files';
import { seededRandom, type SeededRandom } from '../../support/seeded-random';
import { makeTempDir, removeTempDir } from '../../support/temp-dir';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('log-readback');
});
afterEach(async () => {
  await removeTempDir(dir);
});

const OUTCOMES: TriggerOutcome[] = ['launched', 'rejected', 'run-info', 'not-found', 'method-not-allowed'];
const TYPES = ['web-auth', 'web-timestamp', 'rate-limit', 'payload-filter'];

function condition(rnd: SeededRandom, index: number): ConditionResult {
  const type = TYPES[rnd.below(TYPES.length)];
  const passed = rnd.next() < 0.6;
  const base: ConditionResult = { index, type, passed, reason: `${type} ${passed ? 'ok' : 'failed'} "é\u2028\\" ${rnd.below(1e6)}` };
  if (type !== 'web-auth' || rnd.next() < 0.3) return base;
  const preview = '{"action":"opened","é":"\u0000\ud83d\ude00"}'.repeat(1 + rnd.below(3)).slice(0, 120);
  return {
    ...base,
    trace: {
      kind: 'hmac',
      format: '{body}',
      algorithm: 'sha256',
      encoding: 'hex',
      segments: [{ kind: 'body', source: '{body}', preview, byteLength: 1024 }],
      basestringLength: 1024,
      basestringPreview: preview,
      basestringHexPreview: '7b22616374696f6e223a226f70656e6564227d',
      expected: 'ab'.repeat(32),
      received: 'ab'.repeat(31) + 'cd',
      firstDifference: 62,
    },
  };
}

function randomEntry(rnd: SeededRandom, n: number): TriggerLogEntry {
  const outcome = OUTCOMES[rnd.below(OUTCOMES.length)];
  const conditions = Array.from({ length: rnd.below(4) }, (_, i) => condition(rnd, i));
  return {
    id: `e${n}`,
    at: 1_700_000_000_000 + n * 1000,
    triggerId: `t${rnd.below(3)}`,
    // now and then a capture with two entries: forCapture answers the later one
    captureId: `c${rnd.next() < 0.1 && n > 0 ? n - 1 : n}`,
    outcome,
    conditions,
    status: outcome === 'launched' ? 200 : 400,
    ...(outcome === 'launched' || outcome === 'run-info' ? { runId: `r${n}` } : {}),
    ...(outcome === 'not-found' ? { note: 'no trigger has this id' } : {}),
  };
}

/** what a reader of the journal gets for an appended entry */
const asStored = (e: TriggerLogEntry): TriggerLogEntry => JSON.parse(JSON.stringify(e)) as TriggerLogEntry;

function expectedList(entries: TriggerLogEntry[], filter: TriggerLogFilter, limit = Infinity): TriggerLogEntry[] {
  return entries
    .filter(
      (e) =>
        (filter.triggerId === undefined || e.triggerId === filter.triggerId) &&
        (filter.outcome === undefined || e.outcome === filter.outcome) &&
        (filter.failedConditionType === undefined || e.conditions.some((c) => !c.passed && c.type === filter.failedConditionType)),
    )
    .reverse()
    .slice(0, limit)
    .map(asStored);
}

describe('trigger log read back from its journal', () => {
  it('lists, filters and finds by capture exactly what was appended, before and after a reopen and read-only (seeded)', async () => {
    const rnd = seededRandom(1313);
    const entries = Array.from({ length: 300 }, (_, n) => randomEntry(rnd, n));
    const log = await openTriggerLogStore(dir);
    // appended in bursts, so group commits hold several entries
    for (let i = 0; i < entries.length; i += 7) await Promise.all(entries.slice(i, i + 7).map((e) => log.append(e)));
    const filters: TriggerLogFilter[] = [{}, { triggerId: 't1' }, { outcome: 'rejected' }, { triggerId: 't2', outcome: 'launched' }];
    for (const type of TYPES) filters.push({ failedConditionType: type }, { triggerId: 't0', failedConditionType: type });

    const check = async (store: typeof log) => {
      expect(store.count()).toBe(entries.length);
      for (const filter of filters) {
        expect(JSON.stringify(await store.list(filter))).toBe(JSON.stringify(expectedList(entries, filter)));
        expect(JSON.stringify(await store.list(filter, 5))).toBe(JSON.stringify(expectedList(entries, filter, 5)));
      }
      for (let n = 0; n < entries.length; n += 13) {
        const id = `c${n}`;
        const latest = entries.filter((e) => e.captureId === id).pop();
        expect(await store.forCapture(id)).toEqual(latest ? asStored(latest) : null);
      }
      expect(await store.forCapture('no-such-capture')).toBeNull();
      expect(await store.forCapture('')).toBeNull();
      // the summaries derive the same launch history as the entries
      const times = (h: ReturnType<typeof createLaunchHistory>) => ['t0', 't1', 't2'].map((t) => [...h.times(t)]);
      const now = () => 1_700_000_000_000 + entries.length * 1000;
      expect(times(createLaunchHistory(store.summaries(), now))).toEqual(times(createLaunchHistory(entries, now)));
    };
    await check(log);
    await log.close();
    const reopened = await openTriggerLogStore(dir);
    await check(reopened);
    const readOnly = await openTriggerLogStore(dir, undefined, { readOnly: true });
    await check(readOnly);
    await readOnly.close();
    await reopened.close();
  });

  it('a record damaged on disk after it was written is a clear error naming it; the rest still reads and appends go on', async () => {
    const rnd = seededRandom(7);
    const entries = Array.from({ length: 20 }, (_, n) => ({ ...randomEntry(rnd, n), captureId: `c${n}` }));
    const log = await openTriggerLogStore(dir);
    for (const e of entries) await log.append(e);
    const victim = log.summaries()[12];
    const file = segmentPath(path.join(dir, 'trigger-log'), victim.segment);
    const bytes = await fs.readFile(file);
    bytes[victim.offset + victim.length - 3] ^= 0x20; // inside its JSON
    await fs.writeFile(file, bytes);

    const message =
      /^the trigger log entry of capture "c12" \(t\d, 2023-11-14T22:13:32\.000Z\) cannot be read from trigger-log segment 1 at offset \d+: journal record at segment 1 offset \d+ is corrupt$/;
    await expect(log.forCapture('c12')).rejects.toThrow(message);
    await expect(log.list()).rejects.toThrow(message);
    expect(await log.forCapture('c11')).toEqual(asStored(entries[11]));
    expect(await log.list(undefined, 7)).toEqual(expectedList(entries, {}, 7));
    const later = { ...randomEntry(rnd, 20), captureId: 'c20' };
    await log.append(later);
    expect(await log.forCapture('c20')).toEqual(asStored(later));

    // cut short: the file ends inside the newest records
    const sizeBefore = (await fs.stat(file)).size;
    const newest = log.summaries()[log.count() - 1];
    await fs.truncate(file, newest.offset + 10);
    await expect(log.forCapture('c20')).rejects.toThrow(/^the trigger log entry of capture "c20" .* journal record is cut short$/);
    expect(sizeBefore).toBeGreaterThan(newest.offset + 10);
    await log.close();

    // a reopen skips the damaged record and keeps the others
    const reopened = await openTriggerLogStore(dir);
    expect(await reopened.forCapture('c12')).toBeNull();
    expect(await reopened.forCapture('c13')).toEqual(asStored(entries[13]));
    await reopened.close();
  });

  it('entries cleared or evicted while being read are left out, not an error', async () => {
    const rnd = seededRandom(99);
    let max = 1000;
    const log = await openTriggerLogStore(dir, { maxEntries: () => max }, {});
    for (let n = 0; n < 50; n++) await log.append(randomEntry(rnd, n));
    const reading = log.list();
    await log.clear();
    expect(Array.isArray(await reading)).toBe(true);
    expect(await log.list()).toEqual([]);
    for (let n = 50; n < 60; n++) await log.append(randomEntry(rnd, n));
    expect(await log.list()).toHaveLength(10);
    max = 2;
    await log.append(randomEntry(rnd, 60));
    expect((await log.list()).map((e) => e.id)).toEqual(['e60', 'e59']);
    await log.close();
  });
});
