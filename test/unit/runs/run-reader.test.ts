// The read-only run reader the CLI uses when no engine runs: it answers like the engine's run
// service, writes nothing (no recovery record, no retention, no folder), and leaves a run that
// was in flight as recorded, for the next engine to mark stopped.
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openRunReader } from '../../../src/main/engine/runs/run-reader';
import { openRunRecords, RESTART_REASON, runsDir } from '../../../src/main/engine/runs/run-records';
import type { LocalExecution, LocalPipeline } from '@shared/runs';
import { makeTempDir, removeTempDir } from '../../support/temp-dir';

let dataDir: string;
beforeEach(async () => {
  dataDir = await makeTempDir('run-reader');
});
afterEach(() => removeTempDir(dataDir));

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const s = await stat(path.join(e.parentPath, e.name));
    out.push(`${path.join(e.parentPath, e.name)} ${e.isDirectory() ? 'dir' : `${s.size} ${s.mtimeMs}`}`);
  }
  return out.sort();
}

const execution = (id: string, status: LocalExecution['status'], createdAt: number): LocalExecution => ({
  id,
  counter: createdAt,
  step: 'train',
  title: null,
  status,
  mode: 'simulate',
  parameters: {},
  inputs: {},
  outputs: [],
  workDir: path.join(runsDir(dataDir), id),
  createdAt,
  triggerId: 'ci',
});

it('answers from the journals and log files on disk, writes nothing, and leaves an in-flight run as recorded', async () => {
  const records = await openRunRecords(dataDir, Date.now);
  await records.putExecution(execution('done', 'completed', 1));
  await records.putExecution(execution('running', 'started', 2));
  const pipeline: LocalPipeline = {
    id: 'flow',
    counter: 1,
    name: 'flow',
    status: 'started',
    nodes: [{ name: 'a', step: 'train', status: 'started', executionId: 'running' }],
    createdAt: 3,
  };
  await records.putPipeline(pipeline);
  await records.close();
  await mkdir(path.join(runsDir(dataDir), 'done'), { recursive: true });
  const lines = Array.from({ length: 250 }, (_, i) => JSON.stringify({ executionId: 'done', stream: 'stdout', at: i, text: `line ${i}` }));
  await writeFile(path.join(runsDir(dataDir), 'done', 'log.jsonl'), `${lines.join('\n')}\n{"torn`);

  const before = await files(dataDir);
  const reader = await openRunReader(dataDir);
  try {
    expect(reader.list({}).items.map((i) => (i.kind === 'execution' ? i.execution.id : i.pipeline.id))).toEqual(['flow', 'running', 'done']);
    expect(reader.list({ kind: 'execution', limit: 1 })).toMatchObject({ items: [{ execution: { id: 'running', status: 'started' } }], total: 2 });
    const done = await reader.execution('done');
    expect(done?.logLines).toBe(250);
    expect(done?.logTail.map((l) => l.text)).toEqual(lines.slice(-200).map((l) => JSON.parse(l).text));
    expect(await reader.log({ executionId: 'done', offset: 248, limit: 10 })).toMatchObject({
      total: 250,
      offset: 248,
      lines: [{ text: 'line 248' }, { text: 'line 249' }],
    });
    expect(await reader.log({ executionId: 'nope' })).toEqual({ lines: [], total: 0, offset: 0 });
    expect(reader.pipeline('flow')?.pipeline.status).toBe('started');
    expect(await reader.execution('nope')).toBeNull();
  } finally {
    await reader.close();
  }
  expect(await files(dataDir)).toEqual(before);

  // the engine that opens next is the one that says the in-flight runs stopped
  const reopened = await openRunRecords(dataDir, Date.now);
  expect(reopened.getExecution('running')).toMatchObject({ status: 'stopped', statusReason: RESTART_REASON });
  await reopened.close();
});

it('reads a data dir that has never had a run without creating anything', async () => {
  const reader = await openRunReader(dataDir);
  expect(reader.list({})).toEqual({ items: [], total: 0 });
  await reader.close();
  expect(await readdir(dataDir)).toEqual([]);
});
