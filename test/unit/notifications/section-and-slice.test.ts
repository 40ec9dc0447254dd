// The workspace section's validator names JSON paths; the renderer slice folds delivery events.
import { describe, expect, it } from 'vitest';
import { validateNotificationsSection } from '@shared/notification-section';
import type { DeliverySummary } from '@shared/notifications';
import { applyNotificationEvents, initialNotifications } from '../../../src/renderer/src/store/notificationsSlice';

describe('the notifications section', () => {
  it('fills defaults and keeps a valid section', () => {
    const s = validateNotificationsSection(
      {
        channels: [{ id: 'c1', name: 'C', type: 'custom', url: 'http://127.0.0.1:1/x', headers: [{ name: 'Authorization', value: 'Bearer {env:T}' }] }],
        routings: [{ id: 'r1', event: 'execution_failed', channelIds: ['c1'], filters: { step: 'train', status: '' } }],
      },
      'notifications',
    );
    expect(s.project.name).toBe('local/hookbench');
    expect(s.delivery).toEqual({ timeoutMs: 30_000, maxAttempts: 5, baseDelayMs: 2_000, maxDelayMs: 300_000 });
    expect(s.channels[0]).toMatchObject({ signing: null });
    expect(s.routings[0]).toEqual({ id: 'r1', event: 'execution_failed', channelIds: ['c1'], filters: { step: 'train' }, enabled: true });
  });

  it.each([
    [{ channels: [{ id: 'a', name: 'A', type: 'slack', url: 'nope' }] }, 'notifications.channels[0].url: is not a URL'],
    [{ channels: [{ id: 'a', name: 'A', type: 'email' }] }, 'notifications.channels[0].type: must be slack, custom or trigger'],
    [
      { channels: [{ id: 'a', name: 'A', type: 'custom', url: 'http://x', headers: [{ name: 'Bad Name', value: '' }] }] },
      'notifications.channels[0].headers[0].name: is not a valid header name',
    ],
    [
      { channels: [{ id: 'a', name: 'A', type: 'custom', url: 'http://x', signing: { header: 'X', secret: 's', algorithm: 'sha3' } }] },
      'notifications.channels[0].signing.algorithm',
    ],
    [{ routings: [{ id: 'r', event: 'build_done', channelIds: ['a'] }] }, 'notifications.routings[0].event'],
    [{ delivery: { maxAttempts: 0 } }, 'notifications.delivery.maxAttempts'],
    [{ delivery: { baseDelayMs: 10, maxDelayMs: 5 } }, 'notifications.delivery.maxDelayMs'],
    [{ surprise: 1 }, 'notifications.surprise: unknown field'],
  ])('rejects %j naming the path', (value, message) => {
    expect(() => validateNotificationsSection(value, 'notifications')).toThrow(message);
  });
});

const summary = (id: string, updatedAt: number, status: DeliverySummary['status'] = 'pending'): DeliverySummary => ({
  id,
  eventType: 'execution_completed',
  title: 't',
  status,
  createdAt: 0,
  updatedAt,
  attemptCount: 0,
  origin: 'event',
  target: { channelId: 'c1', channelName: 'C', channelType: 'custom', url: 'http://x' },
});

describe('the notifications slice', () => {
  it('adds new deliveries on top, replaces newer states in place, ignores stale ones and honours the filter', () => {
    const state = { ...initialNotifications(), deliveries: [summary('a', 1)] };
    const out = applyNotificationEvents(state, [
      { type: 'delivery.attempt', at: 1, delivery: summary('b', 2) },
      { type: 'delivery.attempt', at: 1, delivery: summary('a', 3, 'succeeded') },
      { type: 'delivery.attempt', at: 1, delivery: summary('a', 2, 'retrying') },
    ]);
    expect(out.next?.deliveries.map((d) => [d.id, d.status])).toEqual([
      ['b', 'pending'],
      ['a', 'succeeded'],
    ]);
    expect(out.refreshHealth).toBe(true);
    const filtered = applyNotificationEvents({ ...state, filter: { channelId: 'other' } }, [{ type: 'delivery.attempt', at: 1, delivery: summary('c', 1) }]);
    expect(filtered.next).toBeNull();
    expect(applyNotificationEvents(state, [{ type: 'workspace.changed', at: 1 }])).toMatchObject({ next: null, reloadView: true, refreshHealth: false });
  });
});
