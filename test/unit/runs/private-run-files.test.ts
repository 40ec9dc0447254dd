// Under umask 000, what Hookbench writes for a run (the pipeline's payload copy, work folders,
// inputs, config files, the log) is still owner-only. Files the run's own command creates in
// outputs/ follow the command's umask; they sit inside the owner-only runs/ folder.
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listModes } from '../../support/file-modes';
import { testEngine } from '../../support/test-engine';
import { makeTempDir } from '../../support/temp-dir';

const YAML = `
- step:
    name: copy
    command: cp "$VH_INPUTS_DIR"/payload/* "$VH_OUTPUTS_DIR"/
    inputs:
      - name: payload
- pipeline:
    name: flow
    nodes:
      - name: first
        type: execution
        step: copy
      - name: second
        type: execution
        step: copy
    edges:
      - [first.output.*, second.input.payload]
`;

let previousUmask: number;
beforeAll(() => {
  previousUmask = process.umask(0);
});
afterAll(() => {
  process.umask(previousUmask);
});

it('keeps run payloads, work folders and logs owner-only whatever the umask', async () => {
  const root = await makeTempDir('private-runs');
  const dataDir = path.join(root, 'data');
  const projectDir = path.join(root, 'project');
  await mkdir(projectDir);
  await writeFile(path.join(projectDir, 'valohai.yaml'), YAML);
  const engine = testEngine(dataDir);
  await engine.start();
  try {
    await engine.handlers['project.set']({ folder: projectDir, defaultMode: 'command' });
    await engine.handlers['triggers.save']({
      trigger: {
        id: 'flow',
        title: 'Flow',
        enabled: true,
        conditions: [],
        actions: [{ type: 'run-pipeline', pipeline: 'flow', payloadInputName: 'first.payload' }],
      },
    });
    expect((await fetch(`${engine.info().receiverUrl}/api/v0/launch/flow/`, { method: 'POST', body: '{"secret":"payload"}' })).status).toBe(200);
    for (let i = 0; i < 200; i++) {
      const page = await engine.handlers['runs.list']({ kind: 'pipeline' });
      const item = page.items[0];
      if (item?.kind === 'pipeline' && item.pipeline.status !== 'started') break;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await engine.stop();
  }
  const entries = await listModes(dataDir);
  const mine = entries.filter((e) => !/[/\\]outputs[/\\]/.test(e.file));
  expect(mine.some((e) => !e.isDir && /payload/.test(e.file))).toBe(true);
  expect(mine.some((e) => e.file.endsWith('inputs.json'))).toBe(true);
  expect(mine.some((e) => e.file.endsWith('log.jsonl'))).toBe(true);
  for (const e of mine) expect(`${e.file} ${e.mode.toString(8)}`).toBe(`${e.file} ${e.isDir ? '700' : '600'}`);
  expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
  await rm(root, { recursive: true, force: true });
}, 60_000);
