// CarriedRuns finds runs by 32-bit keys in a flat array beside the log's entries, not by a map;
// whatever the order of launches, lookups, settlements, evictions and clears (past the array's
// first size, so it is moved and grown), it must answer what a map kept up to date on every launch
// answers (seeded).
import { expect, it } from 'vitest';
import type { TriggerRun } from '@shared/trigger-log';
import { CarriedRuns, carriedRunOf, type CarrierSummary } from '../../../src/main/engine/triggers/carried-runs';
import { seededRandom } from '../../support/seeded-random';

it('answers as a map kept up to date on every launch would (seeded)', () => {
  for (const seed of [11, 12, 13, 14, 15, 16, 17, 18]) {
    const random = seededRandom(seed);
    const entries: CarrierSummary[] = [];
    const carried = new CarriedRuns(entries);
    const model = new Map<string, TriggerRun>();
    const ids: string[] = [];
    let n = 0;
    for (let step = 0; step < 4_000; step++) {
      const op = random.below(100);
      if (op < 60) {
        const id = `run-${seed}-${n}`;
        const summary: CarrierSummary = { at: n, triggerId: `t${n % 3}`, captureId: `c${n}`, carriedRunId: random.below(4) === 0 ? null : id };
        n++;
        entries.push(summary);
        carried.added(summary);
        if (summary.carriedRunId !== null) model.set(id, carriedRunOf(summary, id));
        ids.push(id);
      } else if (op < 85 && ids.length) {
        const id = ids[random.below(ids.length)];
        expect(carried.get(id)).toEqual(model.get(id) ?? null);
      } else if (op < 92 && ids.length) {
        const id = ids[random.below(ids.length)];
        const run = model.get(id);
        const settled: TriggerRun = {
          ...(run ?? carriedRunOf(entries[0] ?? { at: 0, triggerId: 't', captureId: 'c', carriedRunId: id }, id)),
          status: 'error',
          updatedAt: step,
        };
        expect(carried.settle(settled)).toBe(run !== undefined);
        if (run) model.set(id, settled);
      } else if (op < 99 && (seed % 2 === 0 || random.below(20) === 0)) {
        // (odd seeds evict rarely and never clear, so thousands are held and the array of keys grows)
        // retention: the oldest slice goes
        for (const gone of entries.splice(0, random.below(Math.max(1, entries.length / (seed % 2 ? 64 : 4))))) {
          carried.forget(gone);
          if (gone.carriedRunId !== null) model.delete(gone.carriedRunId);
        }
      } else if (seed % 2 === 0 && random.below(8) === 0) {
        // rarely: the array of keys must also fill up, be moved and grow between clears
        entries.length = 0;
        carried.clear();
        model.clear();
      }
      expect(carried.size).toBe(model.size);
      if (step % 250 === 0) for (const id of ids) expect(carried.get(id)).toEqual(model.get(id) ?? null);
    }
    for (const id of ids) expect(carried.get(id)).toEqual(model.get(id) ?? null);
    if (seed % 2) expect(carried.size).toBeGreaterThan(1024);
    expect([...carried.all()]).toEqual([...model.values()].sort((a, b) => a.createdAt - b.createdAt));
  }
});
