// The whole chain over loopback HTTP: webhook → trigger → local execution or pipeline → status and log.
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineEvent } from '@shared/events';
import type { Trigger } from '@shared/trigger';
import { testEngine } from '../../support/test-engine';
import type { Engine } from '../../../src/main/engine/ports';

let dataDir: string;
let projectDir: string;
let engine: Engine;
let events: EngineEvent[];

const YAML = `
- step:
    name: greet
    command: python3 greet.py
    inputs:
      - name: payload
- pipeline:
    name: flow
    nodes:
      - name: greet
        type: execution
        step: greet
      - name: after
        type: execution
        step: greet
    edges:
      - [greet.output.*, after.input.payload]
`;
const GREET = `
import json, os
info = json.load(open(os.path.join(os.environ["VH_CONFIG_DIR"], "inputs.json")))
body = json.load(open(info["payload"]["files"][0]["path"]))
print("hello", body["user"]["name"])
json.dump(body, open(os.path.join(os.environ["VH_OUTPUTS_DIR"], "same.json"), "w"))
`;
import { makeTempDir } from '../../support/temp-dir';

beforeEach(async () => {
  dataDir = await makeTempDir('runs-engine');
  projectDir = await makeTempDir('runs-project');
  await writeFile(path.join(projectDir, 'valohai.yaml'), YAML);
  await writeFile(path.join(projectDir, 'greet.py'), GREET);
  engine = testEngine(dataDir);
  await engine.start();
  events = [];
  engine.events.subscribe((batch) => events.push(...batch));
});

afterEach(async () => {
  await engine.stop();
  await rm(dataDir, { recursive: true, force: true });
  await rm(projectDir, { recursive: true, force: true });
});

const post = (triggerId: string, body: unknown) =>
  fetch(`${engine.info().receiverUrl}/api/v0/launch/${triggerId}/`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

const runInfo = async (triggerId: string, runId: string) =>
  (await fetch(`${engine.info().receiverUrl}/api/v0/launch/${triggerId}/run/?run_id=${runId}`)).json() as Promise<{
    status: string;
    result: Record<string, string>[];
  }>;

describe('trigger launches run locally', () => {
  it('creates an execution whose log prints a field of the payload', async () => {
    const info = await engine.handlers['project.set']({ folder: projectDir, defaultMode: 'command' });
    expect(info.error).toBeNull();
    expect(info.effectiveMode).toBe('command');
    expect(await engine.handlers['project.summary']()).toMatchObject({
      linked: true,
      steps: [{ name: 'greet', inputs: ['payload'] }],
      pipelines: [{ name: 'flow' }],
    });
    const trigger: Trigger = {
      id: 'greeter',
      title: 'Greeter',
      enabled: true,
      conditions: [],
      actions: [
        { type: 'web-response-json', json: { run: '{run_id}' } },
        { type: 'run-execution', step: 'greet', payloadInputName: 'payload' },
      ],
    };
    await engine.handlers['triggers.save']({ trigger });
    const res = await post('greeter', { user: { name: 'Ada' } });
    expect(res.status).toBe(200);
    const { run } = (await res.json()) as { run: string };
    const completedRun = await waitForAsync(async () => {
      const r = await runInfo('greeter', run);
      return r.status !== 'pending' ? r : null;
    });
    expect(completedRun.status).toBe('completed');
    const executionId = completedRun.result[0].execution_id;
    expect(completedRun.result[0]).toMatchObject({ action: 'run_execution', execution_step: 'greet' });
    const detail = await waitForAsync(async () => {
      const d = await engine.handlers['runs.getExecution']({ id: executionId });
      return d && d.execution.status === 'completed' ? d : null;
    });
    expect(detail.logTail.map((l) => l.text)).toContain('hello Ada');
    expect(detail.execution).toMatchObject({ triggerId: 'greeter', triggerRunId: run, payloadInputName: 'payload' });
    const capture = await engine.handlers['captures.get']({ id: detail.execution.captureId! });
    expect(Buffer.from(capture!.bodyBase64, 'base64').toString()).toBe('{"user":{"name":"Ada"}}');
    engine.events.flush();
    expect(events.some((e) => e.type === 'execution.log' && e.lines.some((l) => l.text === 'hello Ada'))).toBe(true);
    const list = await engine.handlers['runs.list']({ triggerId: 'greeter' });
    expect(list.items.map((i) => i.kind)).toEqual(['execution']);
  });

  it('runs a pipeline with the payload at node.input and the run-info body names it', async () => {
    await engine.handlers['project.set']({ folder: projectDir, defaultMode: 'command' });
    await engine.handlers['triggers.save']({
      trigger: {
        id: 'flow',
        title: 'Flow',
        enabled: true,
        conditions: [],
        actions: [{ type: 'run-pipeline', pipeline: 'flow', payloadInputName: 'greet.payload' }],
      },
    });
    await post('flow', { user: { name: 'Grace' } });
    const list = await waitForAsync(async () => {
      const page = await engine.handlers['runs.list']({ kind: 'pipeline' });
      const item = page.items[0];
      return item?.kind === 'pipeline' && item.pipeline.status !== 'started' ? item.pipeline : null;
    });
    expect(list.status).toBe('completed');
    const detail = (await engine.handlers['runs.getPipeline']({ id: list.id }))!;
    const after = detail.executions.find((e) => e.nodeName === 'after')!;
    expect((await engine.handlers['runs.log']({ executionId: after.id, search: 'hello' })).lines.map((l) => l.text)).toEqual(['hello Grace']);
  });

  it('simulates without a project: created → queued → started → completed after the duration', async () => {
    await engine.handlers['project.set']({ simulate: { durationMs: 150, outcome: 'completed' } });
    await engine.handlers['triggers.save']({
      trigger: { id: 'sim', title: 'Sim', enabled: true, conditions: [], actions: [{ type: 'run-execution', step: 'anything', payloadInputName: 'data' }] },
    });
    await post('sim', { a: 1 });
    const execution = await waitForAsync(async () => {
      const item = (await engine.handlers['runs.list']({})).items[0];
      return item?.kind === 'execution' && item.execution.status === 'completed' ? item.execution : null;
    });
    expect(execution.mode).toBe('simulate');
    expect(execution.endedAt! - execution.startedAt!).toBeGreaterThanOrEqual(140);
    engine.events.flush();
    const statuses = events.flatMap((e) => (e.type === 'execution.status' && e.execution.id === execution.id ? [e.execution.status] : []));
    expect(statuses).toEqual(['created', 'queued', 'started', 'completed']);
    // the configured outcome is honoured
    await engine.handlers['project.set']({ simulate: { durationMs: 10, outcome: 'error' } });
    await post('sim', { a: 2 });
    const failed = await waitForAsync(async () => {
      const item = (await engine.handlers['runs.list']({ status: 'error' })).items[0];
      return item?.kind === 'execution' ? item.execution : null;
    });
    expect(failed.statusReason).toBe('simulated error');
  });

  it('marks the trigger run error when the step does not exist in command mode', async () => {
    await engine.handlers['project.set']({ folder: projectDir, defaultMode: 'command' });
    await engine.handlers['triggers.save']({
      trigger: { id: 'bad', title: 'Bad', enabled: true, conditions: [], actions: [{ type: 'run-execution', step: 'nope' }] },
    });
    const res = await post('bad', {});
    expect(res.status).toBe(200);
    const log = await engine.handlers['triggerLog.list']({ filter: { triggerId: 'bad' } });
    const runId = log[0].runId!;
    const info = await waitForAsync(async () => {
      const r = await runInfo('bad', runId);
      return r.status !== 'pending' ? r : null;
    });
    expect(info).toEqual({ status: 'error', result: [] });
    // the details are kept for the trigger log, never served by run-info
    expect((await engine.handlers['triggerRuns.get']({ id: runId }))?.errors).toEqual([
      { action: 'run-execution nope', message: 'valohai.yaml declares no step "nope"' },
    ]);
  });

  it('lets one action simulate while the project default runs commands, and warns on import about unknown names', async () => {
    await engine.handlers['project.set']({ folder: projectDir, defaultMode: 'command', simulate: { durationMs: 20, outcome: 'completed' } });
    await engine.handlers['triggers.save']({
      trigger: {
        id: 'mixed',
        title: 'Mixed',
        enabled: true,
        conditions: [],
        actions: [
          { type: 'run-execution', step: 'greet', payloadInputName: 'payload', mode: 'simulate' },
          { type: 'run-execution', step: 'greet', payloadInputName: 'payload' },
        ],
      },
    });
    await post('mixed', { user: { name: 'Lin' } });
    const done = await waitForAsync(async () => {
      const items = (await engine.handlers['runs.list']({ triggerId: 'mixed' })).items;
      return items.length === 2 && items.every((i) => i.kind === 'execution' && i.execution.status === 'completed') ? items : null;
    });
    expect(done.map((i) => (i.kind === 'execution' ? i.execution.mode : null)).sort()).toEqual(['command', 'simulate']);

    const result = await engine.handlers['workspace.import']({
      json: JSON.stringify({
        version: 1,
        triggers: [
          {
            id: 'typo',
            title: 'Typo',
            enabled: true,
            conditions: [],
            actions: [{ type: 'run-pipeline', pipeline: 'flow', payloadInputName: 'greet.dataset' }],
          },
        ],
      }),
    });
    expect(result.warnings).toEqual([
      expect.stringMatching(/^triggers\[0\]\.actions\[0\]\.payloadInputName: node "greet" \(step "greet"\) declares no input "dataset"/),
    ]);
  });

  it('rejects linking a folder that does not exist, and reports yaml errors with lines', async () => {
    await expect(engine.handlers['project.set']({ folder: path.join(projectDir, 'missing') })).rejects.toThrow(/is not a folder/);
    await writeFile(path.join(projectDir, 'valohai.yaml'), '- step:\n    name: x\n    command: [a\n');
    const info = await engine.handlers['project.set']({ folder: projectDir });
    expect(info.definition!.problems[0].line).toBeGreaterThanOrEqual(3);
  });
});

async function waitForAsync<T>(probe: () => Promise<T | null>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
