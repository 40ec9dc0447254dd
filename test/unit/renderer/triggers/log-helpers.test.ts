import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '@shared/events';
import type { TriggerLogEntry, TriggerRun } from '@shared/trigger-log';
import { rateLimitPicture } from '../../../../src/renderer/src/features/trigger-log/rateLimitSeries';
import { rowProblems, rowsFromEnv, rowsToEnv, newRow } from '../../../../src/renderer/src/features/env/envRows';
import { initialState } from '../../../../src/renderer/src/store/initialState';
import { applyTriggerEvents, LOG_LIMIT } from '../../../../src/renderer/src/store/triggerEvents';
import type { AppState } from '../../../../src/renderer/src/store/types';
import { SECRET_PLACEHOLDER } from '@shared/trigger';

const entry = (n: number, over: Partial<TriggerLogEntry> = {}): TriggerLogEntry => ({
  id: `e${n}`,
  at: n,
  triggerId: 'slack',
  captureId: `c${n}`,
  outcome: 'launched',
  conditions: [],
  status: 200,
  ...over,
});
const evaluated = (e: TriggerLogEntry): EngineEvent => ({ type: 'trigger.evaluated', at: e.at, entry: e });

function ready(entries: TriggerLogEntry[], filter: AppState['triggerLog']['filter'] = {}): AppState {
  const s = initialState();
  s.triggerLog = { ...s.triggerLog, entries, filter, status: 'ready' };
  return s;
}

describe('applyTriggerEvents', () => {
  it('puts a burst of evaluations in front, newest first, in one change', () => {
    const { state } = applyTriggerEvents(ready([entry(1)]), [entry(2), entry(3)].map(evaluated));
    expect(state.triggerLog!.entries.map((e) => e.id)).toEqual(['e3', 'e2', 'e1']);
  });

  it('applies the log filter to live entries and skips ones it has', () => {
    const failedAuth = entry(3, { outcome: 'rejected', conditions: [{ index: 0, type: 'web-auth', passed: false, reason: 'x' }] });
    const s = ready([entry(1, { outcome: 'rejected' })], { outcome: 'rejected', failedConditionType: 'web-auth' });
    const { state } = applyTriggerEvents(s, [entry(1), entry(2), failedAuth, entry(4, { triggerId: 'other', outcome: 'rejected' })].map(evaluated));
    expect(state.triggerLog!.entries.map((e) => e.id)).toEqual(['e3', 'e1']);
    expect(applyTriggerEvents(ready([entry(1)], { triggerId: 'other' }), [evaluated(entry(2))]).state).toEqual({});
  });

  it('waits while the log is loading and caps what it keeps', () => {
    const loading = { ...ready([]), triggerLog: { ...ready([]).triggerLog, status: 'loading' as const } };
    expect(applyTriggerEvents(loading, [evaluated(entry(1))]).state).toEqual({});
    const full = ready(Array.from({ length: LOG_LIMIT }, (_, i) => entry(LOG_LIMIT - i)));
    const { state } = applyTriggerEvents(full, [evaluated(entry(LOG_LIMIT + 1))]);
    expect(state.triggerLog!.entries).toHaveLength(LOG_LIMIT);
    expect(state.triggerLog!.entries[0].id).toBe(`e${LOG_LIMIT + 1}`);
  });

  it('keeps the latest run status and asks for a reload when the workspace changes', () => {
    const run = (status: TriggerRun['status']): TriggerRun => ({
      id: 'r1',
      triggerId: 'slack',
      captureId: 'c1',
      createdAt: 1,
      updatedAt: 2,
      status,
      result: [],
    });
    const out = applyTriggerEvents(ready([]), [
      { type: 'run.status', at: 1, run: run('pending') },
      { type: 'run.status', at: 2, run: run('completed') },
      { type: 'workspace.changed', at: 3 },
    ]);
    expect(out.state.triggerLog!.runs.r1.status).toBe('completed');
    expect(out.reloadWorkspace).toBe(true);
    expect(applyTriggerEvents(ready([]), [{ type: 'captures.cleared', at: 1 }])).toEqual({ state: {}, reloadWorkspace: false });
  });
});

describe('rate-limit picture', () => {
  const S = 1000;
  it('counts launches in the sliding window over the last period', () => {
    const now = 1_000 * S;
    // period 100 s: launches at -150 s (expires at -50 s), -80 s and -10 s
    const p = rateLimitPicture([now - 150 * S, now - 80 * S, now - 10 * S], 100, now);
    expect(p.from).toBe(now - 100 * S);
    expect(p.steps).toEqual([
      { at: now - 100 * S, count: 1 },
      { at: now - 80 * S, count: 2 },
      { at: now - 50 * S, count: 1 },
      { at: now - 10 * S, count: 2 },
    ]);
    expect(p.current).toBe(2);
    expect(p.peak).toBe(2);
    expect(p.nextFreeAt).toBe(now + 20 * S);
    expect(p.launches).toEqual([now - 80 * S, now - 10 * S]);
  });

  it('is flat at zero without launches, and merges simultaneous ones', () => {
    expect(rateLimitPicture([], 60, 10 * S)).toMatchObject({ steps: [{ at: -50 * S, count: 0 }], current: 0, nextFreeAt: null, peak: 0 });
    const p = rateLimitPicture([5 * S, 5 * S, 5 * S], 60, 10 * S);
    expect(p.steps).toEqual([
      { at: -50 * S, count: 0 },
      { at: 5 * S, count: 3 },
    ]);
    expect(p.peak).toBe(3);
  });
});

describe('env rows', () => {
  it('marks stored secrets and refuses bad, duplicate or blindly un-hidden variables', () => {
    const rows = rowsFromEnv([
      { name: 'TOKEN', value: SECRET_PLACEHOLDER, secret: true },
      { name: 'REGION', value: 'eu', secret: false },
    ]);
    expect(rows[0].stored).toBe(true);
    expect(rowProblems(rows)).toEqual({});
    const unhidden = [
      { ...rows[0], secret: false },
      { ...rows[1], name: '1BAD' },
      { ...newRow(), name: 'REGION' },
      { ...newRow(), name: 'REGION' },
    ];
    const problems = rowProblems(unhidden);
    expect(Object.keys(problems)).toHaveLength(3);
    expect(problems[unhidden[0].key]).toMatch(/Type the value again/);
    expect(rowsToEnv([{ ...rows[1], name: ' REGION ' }])).toEqual([{ name: 'REGION', value: 'eu', secret: false }]);
  });
});
