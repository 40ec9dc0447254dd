// The renderer's runs slice folds event batches into the list, the caches and the shown logs.
import { describe, expect, it } from 'vitest';
import type { LocalExecution, LocalPipeline } from '@shared/runs';
import { applyRunEvents, initialRuns } from '../../../src/renderer/src/store/runsSlice';
import { graphLevels } from '../../../src/renderer/src/features/runs/runTime';

const exec = (id: string, status: LocalExecution['status'], extra: Partial<LocalExecution> = {}): LocalExecution => ({
  id,
  counter: 1,
  step: 'train',
  title: null,
  status,
  mode: 'simulate',
  parameters: {},
  inputs: {},
  outputs: [],
  createdAt: 1,
  ...extra,
});

describe('applyRunEvents', () => {
  it('puts new runs on top, replaces newer states in place and keeps pipeline nodes out of the list', () => {
    const s0 = initialRuns();
    const s1 = applyRunEvents(s0, [{ type: 'execution.status', at: 1, execution: exec('a', 'queued') }]).next!;
    const pipeline: LocalPipeline = { id: 'p', counter: 1, name: 'flow', status: 'started', nodes: [], createdAt: 2 };
    const s2 = applyRunEvents(s1, [
      { type: 'pipeline.status', at: 2, pipeline },
      { type: 'execution.status', at: 3, execution: exec('a', 'completed') },
      { type: 'execution.status', at: 3, execution: exec('n', 'started', { pipelineId: 'p', nodeName: 'x' }) },
    ]).next!;
    expect(s2.items.map((i) => (i.kind === 'execution' ? `${i.execution.id}:${i.execution.status}` : `${i.pipeline.id}`))).toEqual(['p', 'a:completed']);
    expect(s2.total).toBe(2);
    expect(s2.executions.n.status).toBe('started');
  });

  it('drops a run that stops matching the status filter, and appends log lines only to shown logs', () => {
    const base = { ...initialRuns(), filter: { status: 'started' as const }, logs: { a: [] } };
    const s1 = applyRunEvents(base, [{ type: 'execution.status', at: 1, execution: exec('a', 'started') }]).next!;
    expect(s1.items).toHaveLength(1);
    const s2 = applyRunEvents(s1, [
      {
        type: 'execution.log',
        at: 2,
        lines: [
          { executionId: 'a', stream: 'stdout', at: 2, text: 'hi' },
          { executionId: 'b', stream: 'stdout', at: 2, text: 'x' },
        ],
      },
      { type: 'execution.status', at: 3, execution: exec('a', 'completed') },
    ]).next!;
    expect(s2.items).toHaveLength(0);
    expect(s2.logs.a.map((l) => l.text)).toEqual(['hi']);
    expect(s2.logs.b).toBeUndefined();
    expect(applyRunEvents(s2, [{ type: 'workspace.changed', at: 4 }])).toEqual({ next: null, reloadProject: true });
  });
});

describe('graphLevels', () => {
  it('groups nodes by dependency depth', () => {
    expect(graphLevels([{ name: 'c', dependsOn: ['b'] }, { name: 'a' }, { name: 'b', dependsOn: ['a'] }, { name: 'd', dependsOn: ['a'] }])).toEqual([
      ['a'],
      ['b', 'd'],
      ['c'],
    ]);
  });
});
