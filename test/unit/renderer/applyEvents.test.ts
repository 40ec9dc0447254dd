import { describe, expect, it } from 'vitest';
import type { CaptureSummary } from '@shared/capture';
import { DEFAULT_SETTINGS } from '@shared/settings';
import { applyEventBatch } from '../../../src/renderer/src/store/applyEvents';
import { initialState } from '../../../src/renderer/src/store/initialState';
import { appendOlder, prependNewer } from '../../../src/renderer/src/store/mergePage';
import type { AppState } from '../../../src/renderer/src/store/types';

const summary = (seq: number, over: Partial<CaptureSummary> = {}): CaptureSummary => ({
  id: `c${seq}`,
  seq,
  receivedAt: 1000 + seq,
  method: 'POST',
  url: `/hook/${seq}`,
  path: `/hook/${seq}`,
  status: 200,
  bodySize: 10,
  contentType: 'application/json',
  remoteAddress: '127.0.0.1',
  kind: 'inbox',
  ...over,
});

function readyState(items: CaptureSummary[], over: Partial<AppState['captures']> = {}): AppState {
  const state = initialState();
  state.captures = { ...state.captures, items, total: items.length, status: 'ready', ...over };
  return state;
}

describe('applyEventBatch', () => {
  it('prepends a burst of received captures newest first in one state change', () => {
    const state = readyState([summary(2), summary(1)]);
    const batch = [3, 4, 5].map((seq) => ({ type: 'capture.received' as const, at: seq, capture: summary(seq) }));
    const { state: next, refreshHead } = applyEventBatch(state, batch);
    expect(next.captures!.items.map((c) => c.seq)).toEqual([5, 4, 3, 2, 1]);
    expect(next.captures!.total).toBe(5);
    expect(refreshHead).toBe(false);
  });

  it('ignores captures it already has and waits while the first page is loading', () => {
    const state = readyState([summary(2), summary(1)]);
    const { state: next } = applyEventBatch(state, [{ type: 'capture.received', at: 1, capture: summary(2) }]);
    expect(next.captures).toBeUndefined();
    const loading = readyState([], { status: 'loading' });
    expect(applyEventBatch(loading, [{ type: 'capture.received', at: 1, capture: summary(9) }]).state.captures).toBeUndefined();
  });

  it('filters live captures by method and path, and asks the engine when only it can tell', () => {
    const state = readyState([], { filter: { methods: ['GET'], path: 'stripe' } });
    const batch = [
      { type: 'capture.received' as const, at: 1, capture: summary(1, { method: 'GET', path: '/stripe/a' }) },
      { type: 'capture.received' as const, at: 2, capture: summary(2, { method: 'POST', path: '/stripe/b' }) },
      { type: 'capture.received' as const, at: 3, capture: summary(3, { method: 'GET', path: '/github' }) },
    ];
    expect(applyEventBatch(state, batch).state.captures!.items.map((c) => c.seq)).toEqual([1]);

    const byBody = readyState([], { filter: { body: 'needle' } });
    const outcome = applyEventBatch(byBody, batch);
    expect(outcome.state.captures!.items).toEqual([]);
    expect(outcome.refreshHead).toBe(true);
  });

  it('removes deleted captures and moves the selection to a neighbour', () => {
    const state = readyState([summary(3), summary(2), summary(1)], { selectedId: 'c2', openId: 'c2' });
    const { state: next } = applyEventBatch(state, [{ type: 'captures.deleted', at: 1, ids: ['c2'] }]);
    expect(next.captures!.items.map((c) => c.id)).toEqual(['c3', 'c1']);
    expect(next.captures!.total).toBe(2);
    expect(next.captures!.selectedId).toBe('c1');
    expect(next.captures!.openId).toBeNull();
    const last = applyEventBatch(readyState([summary(2), summary(1)], { selectedId: 'c1' }), [{ type: 'captures.deleted', at: 1, ids: ['c1'] }]);
    expect(last.state.captures!.selectedId).toBe('c2');
  });

  it('applies events in order within a batch', () => {
    const state = readyState([summary(1)]);
    const { state: next } = applyEventBatch(state, [
      { type: 'capture.received', at: 1, capture: summary(2) },
      { type: 'captures.cleared', at: 2 },
      { type: 'capture.received', at: 3, capture: summary(3) },
      { type: 'captures.deleted', at: 4, ids: ['c1'] },
    ]);
    expect(next.captures!.items.map((c) => c.seq)).toEqual([3]);
    expect(next.captures!.total).toBe(1);
  });

  it('takes new settings and asks for fresh engine info', () => {
    const settings = { ...DEFAULT_SETTINGS, theme: 'dark' as const };
    const outcome = applyEventBatch(initialState(), [{ type: 'settings.changed', at: 1, settings }]);
    expect(outcome.state.settings!.value).toEqual(settings);
    expect(outcome.refreshEngineInfo).toBe(true);
  });
});

describe('page merging', () => {
  it('appends only older rows and prepends only newer ones', () => {
    const items = [summary(5), summary(4)];
    expect(appendOlder(items, [summary(4), summary(3)]).map((c) => c.seq)).toEqual([5, 4, 3]);
    expect(prependNewer(items, [summary(7), summary(6), summary(5)]).map((c) => c.seq)).toEqual([7, 6, 5, 4]);
  });
});
