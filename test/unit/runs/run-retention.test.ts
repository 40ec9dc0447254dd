// Run records keep only the newest N executions and pipelines, delete the forgotten ones' work
// folders and journal segments, and never forget anything still in flight.
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRunRecords, runsDir, type RunRecords } from '../../../src/main/engine/runs/run-records';
import { listSegments } from '../../../src/main/engine/store/segment-files';
import type { ExecutionStatus, LocalExecution, LocalPipeline } from '@shared/runs';
import { makeTempDir } from '../../support/temp-dir';

let dataDir: string;
let limit: number;
let records: RunRecords;
const open = () => openRunRecords(dataDir, Date.now, { retention: { maxEntries: () => limit }, segmentBytes: 1024 });
const segments = (kind: 'executions' | 'pipelines') => listSegments(path.join(dataDir, 'run-records', kind));
const folder = (id: string) => path.join(runsDir(dataDir), id);

let counter = 0;
async function execution(status: ExecutionStatus, extra: Partial<LocalExecution> = {}): Promise<LocalExecution> {
  counter += 1;
  const id = `exec-${counter}`;
  // a real work folder, as the runner lays it out
  await mkdir(path.join(folder(id), 'outputs'), { recursive: true });
  await writeFile(path.join(folder(id), 'outputs', 'result.txt'), 'x');
  const e: LocalExecution = {
    id,
    counter,
    step: 'train',
    title: null,
    status,
    mode: 'simulate',
    parameters: {},
    inputs: {},
    outputs: [],
    workDir: folder(id),
    createdAt: counter,
    ...extra,
  };
  await records.putExecution(e);
  return e;
}

async function pipeline(status: LocalPipeline['status']): Promise<LocalPipeline> {
  counter += 1;
  const id = `pipe-${counter}`;
  await mkdir(folder(id), { recursive: true });
  await writeFile(path.join(folder(id), 'payload.bin'), '{}');
  const p: LocalPipeline = { id, counter, name: 'flow', status, nodes: [{ name: 'a', step: 'train', status: 'completed' }], createdAt: counter };
  await records.putPipeline(p);
  return p;
}

beforeEach(async () => {
  dataDir = await makeTempDir('run-retention');
  limit = 16;
  counter = 0;
  records = await open();
});
afterEach(async () => {
  await records.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('run records retention', () => {
  it('keeps the newest N executions, deletes the others with their work folders and segments', async () => {
    const all: LocalExecution[] = [];
    for (let i = 0; i < 200; i++) {
      all.push(await execution('completed'));
      expect(records.list({ kind: 'execution', includePipelineNodes: true, limit: 1000 }).total).toBeLessThanOrEqual(limit);
    }
    const kept = records.list({ limit: 1000 }).items.map((item) => (item.kind === 'execution' ? item.execution.id : ''));
    expect(kept).toContain(all[199].id);
    expect(kept.length).toBeGreaterThan(limit / 2);
    for (const e of all) expect(existsSync(folder(e.id))).toBe(kept.includes(e.id));
    // ~200 records of ~300 bytes in 1 KiB segments: without dropping there would be dozens
    expect((await segments('executions')).length).toBeLessThanOrEqual(limit);

    await records.close();
    records = await open();
    // the newest of what was kept (eviction forgets in slices, so maybe a few fewer)
    const reopened = records.list({ limit: 1000 }).items.map((item) => (item.kind === 'execution' ? item.execution.id : ''));
    expect(reopened).toEqual(kept.slice(0, reopened.length));
    expect(reopened.length).toBeGreaterThan(limit / 2);
    expect(records.nextCounter('execution')).toBe(201);
  });

  it('bounds pipelines the same way and removes their folders', async () => {
    const all: LocalPipeline[] = [];
    for (let i = 0; i < 120; i++) all.push(await pipeline('completed'));
    const kept = new Set(records.list({ kind: 'pipeline', limit: 1000 }).items.map((item) => (item.kind === 'pipeline' ? item.pipeline.id : '')));
    expect(kept.size).toBeLessThanOrEqual(limit);
    expect(kept.has(all[119].id)).toBe(true);
    for (const p of all) expect(existsSync(folder(p.id))).toBe(kept.has(p.id));
    expect((await segments('pipelines')).length).toBeLessThanOrEqual(limit);
  });

  it('never forgets live executions, nodes of a live pipeline or the source of a queued re-run', async () => {
    const running = await execution('started');
    const queued = await execution('queued');
    const live = await pipeline('started');
    const finishedNode = await execution('completed', { pipelineId: live.id, nodeName: 'a' });
    const rerunSource = await execution('completed');
    const rerun = await execution('queued', { rerunOf: rerunSource.id });
    for (let i = 0; i < 150; i++) await execution('error');
    for (let i = 0; i < 60; i++) await pipeline('stopped');

    for (const e of [running, queued, finishedNode, rerunSource, rerun]) {
      expect(records.getExecution(e.id)?.status).toBe(e.status);
      expect(existsSync(folder(e.id))).toBe(true);
    }
    expect(records.getPipeline(live.id)?.status).toBe('started');
    expect(records.list({ kind: 'execution', includePipelineNodes: true, limit: 1000 }).total).toBeLessThanOrEqual(limit);
    expect(records.list({ kind: 'pipeline', limit: 1000 }).total).toBeLessThanOrEqual(limit);

    // the latest state of each live record survives the dropped segments (and is recovered as
    // stopped at open, which also ends what protected the pipeline's node and the re-run source)
    await records.close();
    records = await open();
    for (const e of [running, queued, rerun]) expect(records.getExecution(e.id)?.status).toBe('stopped');
    expect(records.getPipeline(live.id)?.status).toBe('stopped');

    // once they have ended they age out like the rest
    for (let i = 0; i < 40; i++) await execution('completed');
    for (let i = 0; i < 40; i++) await pipeline('completed');
    for (const e of [running, queued, finishedNode, rerunSource, rerun]) {
      expect(records.getExecution(e.id)).toBeNull();
      expect(existsSync(folder(e.id))).toBe(false);
    }
    expect(records.getPipeline(live.id)).toBeNull();
  });

  it('reads the limit live, so lowering it applies at the next change', async () => {
    for (let i = 0; i < 16; i++) await execution('completed');
    expect(records.list({ limit: 1000 }).total).toBe(16);
    limit = 4;
    await execution('completed');
    expect(records.list({ limit: 1000 }).total).toBeLessThanOrEqual(4);
  });
});
