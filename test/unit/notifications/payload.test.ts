// The payload is the documented one: built from a local execution it reproduces seed 003's
// example, and every event type's payload passes its JSON schema.
import { describe, expect, it } from 'vitest';
import { examplePayload, executionPayload, formatDuration, pipelinePayload, serviceTime } from '../../../src/main/engine/notifications/payload';
import { checkNotificationPayload, checkSchema, NOTIFICATION_SCHEMAS } from '@shared/notification-schemas';
import { DEFAULT_PROJECT, NOTIFICATION_EVENT_TYPES, type NotificationProject } from '@shared/notifications';
import { execution } from './harness';

const DOCUMENTED = {
  project: '016f3203-4a8c-969e-078c-52ab66947746',
  title: 'Execution finished: demo/cool-tensorflow/#736 (completed)',
  type: 'execution_completed',
  body: 'Execution [demo/cool-tensorflow/#736](https://app.demo.com/p/valohai/cool-tensorflow/execution/0178f482-8686-fb28-8af1-3d36af38079d/) (by demouser)\nfinished with duration 11:01.',
  url: '/p/demo/cool-tensorflow/execution/0178f482-8686-fb28-8af1-3d36af38079d/',
  data: {
    'valohai.execution-counter': 736,
    'valohai.execution-ctime': '2021-04-21T12:58:18.119973+00:00',
    'valohai.execution-duration': 660.0186445713043,
    'valohai.execution-id': '0178f482-8686-fb28-8af1-3d36af38079d',
    'valohai.execution-qtime': '2021-04-21T12:58:18.201116+00:00',
    'valohai.execution-status': 'complete',
    'valohai.execution-step': 'Train model (MNIST)',
    'valohai.execution-title': null,
    'valohai.project-id': '016f3203-4a8c-969e-078c-52ab66947746',
    'valohai.project-name': 'demo/cool-tensorflow',
    'valohai.creator-id': 3323,
    'valohai.creator-name': 'demouser',
    'valohai.commit-identifier': '4d34124453b680daa0ecb881bcf1bd735a3bf99d',
  },
};

const demoProject: NotificationProject = {
  id: '016f3203-4a8c-969e-078c-52ab66947746',
  name: 'demo/cool-tensorflow',
  creatorId: 3323,
  creatorName: 'demouser',
  commitIdentifier: '4d34124453b680daa0ecb881bcf1bd735a3bf99d',
  appBaseUrl: 'https://app.demo.com',
};

describe('notification payloads', () => {
  it('the documented example itself passes the execution_completed schema', () => {
    expect(checkNotificationPayload(DOCUMENTED)).toEqual([]);
  });

  it('a local execution gives the documented shape, keys, types and texts', () => {
    const x = execution({ endedAt: Date.UTC(2021, 3, 21, 12, 58, 18, 119) + 661_000 });
    const p = executionPayload('execution_completed', x, demoProject);
    expect(Object.keys(p)).toEqual(Object.keys(DOCUMENTED));
    expect(Object.keys(p.data).sort()).toEqual(Object.keys(DOCUMENTED.data).sort());
    expect(p.project).toBe(DOCUMENTED.project);
    expect(p.title).toBe(DOCUMENTED.title);
    expect(p.url).toBe(DOCUMENTED.url);
    expect(p.body).toBe(`Execution [demo/cool-tensorflow/#736](https://app.demo.com${DOCUMENTED.url}) (by demouser)\nfinished with duration 11:01.`);
    expect(p.data['valohai.execution-ctime']).toBe('2021-04-21T12:58:18.119000+00:00');
    expect(p.data['valohai.execution-qtime']).toBe('2021-04-21T12:58:18.201000+00:00');
    expect(p.data['valohai.execution-duration']).toBe(661);
    for (const [key, value] of Object.entries(DOCUMENTED.data)) {
      if (!/ctime|qtime|duration/.test(key)) expect(p.data[key], key).toEqual(value);
      expect(typeof p.data[key], key).toBe(typeof value);
    }
    expect(checkNotificationPayload(p)).toEqual([]);
  });

  it('failed, stopped and created executions name their status', () => {
    const failed = executionPayload('execution_failed', execution({ status: 'error' }), DEFAULT_PROJECT);
    expect(failed.title).toBe('Execution finished: local/hookbench/#736 (error)');
    expect(failed.data['valohai.execution-status']).toBe('error');
    const created = executionPayload('execution_created', execution({ status: 'created', endedAt: undefined, queuedAt: undefined }), DEFAULT_PROJECT);
    expect(created.title).toBe('Execution created: local/hookbench/#736 (created)');
    expect(created.body.endsWith('\nwas created.')).toBe(true);
    expect(created.data['valohai.execution-duration']).toBeNull();
    expect(created.data['valohai.execution-qtime']).toBeNull();
    for (const p of [failed, created, executionPayload('execution_stopped', execution({ status: 'stopped' }), DEFAULT_PROJECT)]) {
      expect(checkNotificationPayload(p), p.type).toEqual([]);
    }
  });

  it('pipelines have the analogous keys', () => {
    const p = pipelinePayload(
      'pipeline_failed',
      {
        id: 'pl-1',
        counter: 3,
        name: 'train',
        status: 'error',
        nodes: [],
        createdAt: 0,
        startedAt: 1_000,
        endedAt: 66_000,
      },
      DEFAULT_PROJECT,
    );
    expect(p.title).toBe('Pipeline finished: local/hookbench/#3 (error)');
    expect(p.url).toBe('/p/local/hookbench/pipeline/pl-1/');
    expect(p.body).toContain('finished with duration 1:05.');
    expect(p.data['valohai.pipeline-title']).toBe('train');
    expect(checkNotificationPayload(p)).toEqual([]);
  });

  it.each(NOTIFICATION_EVENT_TYPES)('the simulator example of %s passes its schema', (type) => {
    const p = examplePayload(type, DEFAULT_PROJECT, Date.UTC(2024, 0, 1));
    expect(p.type).toBe(type);
    expect(checkSchema(NOTIFICATION_SCHEMAS[type], p)).toEqual([]);
  });

  it('the schemas reject wrong types, missing and unknown keys, and the wrong title', () => {
    const p = examplePayload('execution_completed', DEFAULT_PROJECT, 0);
    const broken = { ...p, title: 'Execution finished: x (error)', extra: 1, data: { ...p.data, 'valohai.execution-counter': '736' } } as Record<
      string,
      unknown
    >;
    delete (broken.data as Record<string, unknown>)['valohai.execution-step'];
    const problems = checkNotificationPayload(broken);
    expect(problems.some((m) => m.includes('execution-counter') && m.includes('expected integer'))).toBe(true);
    expect(problems.some((m) => m.includes('valohai.execution-step: is required'))).toBe(true);
    expect(problems.some((m) => m.includes('"extra"') && m.includes('not allowed'))).toBe(true);
    expect(problems.some((m) => m.startsWith('$["title"]'))).toBe(true);
    expect(checkNotificationPayload({ ...p, type: 'execution_failed' }).length).toBeGreaterThan(0);
  });

  it('formats durations and timestamps like the service', () => {
    expect(formatDuration(660.0186)).toBe('11:00');
    expect(formatDuration(661)).toBe('11:01');
    expect(formatDuration(3725)).toBe('62:05');
    expect(serviceTime(Date.UTC(2021, 3, 21, 12, 58, 18, 119))).toBe('2021-04-21T12:58:18.119000+00:00');
  });
});
