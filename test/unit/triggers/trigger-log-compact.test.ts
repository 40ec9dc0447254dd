// The trigger log keeps entries in memory as their stored JSON text and expands them on read:
// what is listed, read by capture, filtered and replayed must be exactly what was appended,
// whether the journal was written by this store or by the older one (plain `journal.append`).
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { TriggerLogEntry } from '../../../src/shared/trigger-log';
import { openJournal } from '../../../src/main/engine/store/journal';
import { openTriggerLogStore } from '../../../src/main/engine/triggers/trigger-log-store';
import { makeTempDir } from '../../support/temp-dir';

let dir: string;
beforeEach(async () => { dir = await makeTempDir('log-compact'); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

const hmacEntry = (n: number, passed: boolean): TriggerLogEntry => ({
  id: `e${n}`, at: 1000 + n, triggerId: n % 2 ? 'odd' : 'even', captureId: `c${n}`, outcome: passed ? 'launched' : 'rejected',
  conditions: [
    { index: 0, type: 'method', passed: true, reason: 'POST' },
    {
      index: 1, type: 'hmac', passed, reason: passed ? 'signature matches' : 'signature differs at 3',
      trace: {
        kind: 'hmac', format: '{body}', algorithm: 'sha256', encoding: 'hex',
        segments: [{ kind: 'body', source: '{body}', preview: `{"n":${n},"é":"ü"}`, byteLength: 20 }],
        basestringLength: 20, basestringPreview: `{"n":${n},"é":"ü"}`, basestringHexPreview: '7b226e22',
        expected: 'ab12', received: passed ? 'ab12' : 'ab13', firstDifference: passed ? -1 : 3,
      },
    },
  ],
  status: passed ? 200 : 401,
  ...(passed ? { runId: `r${n}` } : { note: 'rejected' }),
});

const entries = Array.from({ length: 12 }, (_, n) => hmacEntry(n, n % 3 !== 0));

async function expectReadsBack(log: Awaited<ReturnType<typeof openTriggerLogStore>>): Promise<void> {
  expect(log.count()).toBe(entries.length);
  expect(log.all()).toEqual(entries);
  expect(log.list()).toEqual([...entries].reverse());
  expect(log.list(undefined, 2)).toEqual([entries[11], entries[10]]);
  expect(log.list({ triggerId: 'odd' })).toEqual(entries.filter((e) => e.triggerId === 'odd').reverse());
  expect(log.list({ outcome: 'rejected' })).toEqual(entries.filter((e) => e.outcome === 'rejected').reverse());
  expect(log.list({ failedConditionType: 'hmac' }).map((e) => e.id)).toEqual(['e9', 'e6', 'e3', 'e0']);
  expect(log.list({ failedConditionType: 'method' })).toEqual([]);
  expect(log.list({ triggerId: 'even', failedConditionType: 'hmac' }).map((e) => e.id)).toEqual(['e6', 'e0']);
  expect(log.forCapture('c4')).toEqual(entries[4]);
  expect(log.forCapture('nope')).toBeNull();
  expect(log.summaries().map((s) => [s.at, s.triggerId, s.captureId, s.outcome])).toEqual(entries.map((e) => [e.at, e.triggerId, e.captureId, e.outcome]));
  // a read is a copy: changing it changes nothing stored
  log.forCapture('c4')!.conditions.length = 0;
  expect(log.forCapture('c4')).toEqual(entries[4]);
}

it('reads back what it appended, before and after a reopen', async () => {
  const log = await openTriggerLogStore(dir);
  for (const e of entries) await log.append(e);
  await expectReadsBack(log);
  await log.close();
  const reopened = await openTriggerLogStore(dir);
  await expectReadsBack(reopened);
  await reopened.close();
});

it('loads a journal written record by record with journal.append (the older writer), and writes the same bytes', async () => {
  const older = await openJournal<TriggerLogEntry>({ dir: path.join(dir, 'trigger-log') });
  for (const e of entries) await older.append(e);
  await older.close();
  const log = await openTriggerLogStore(dir);
  await expectReadsBack(log);
  await log.close();

  // the new writer's records are the bytes the older writer produced
  const other = await makeTempDir('log-compact-new');
  try {
    const fresh = await openTriggerLogStore(other);
    for (const e of entries) await fresh.append(e);
    await fresh.close();
    const texts = async (d: string) => {
      const j = await openJournal<TriggerLogEntry>({ dir: path.join(d, 'trigger-log'), readOnly: true });
      const out: string[] = [];
      await j.replayJson((json) => out.push(json));
      await j.close();
      return out;
    };
    expect(await texts(other)).toEqual(await texts(dir));
    expect(await texts(other)).toEqual(entries.map((e) => JSON.stringify(e)));
  } finally {
    await rm(other, { recursive: true, force: true });
  }
});
