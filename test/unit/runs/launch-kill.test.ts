// SIGKILL while a trigger run's actions are being launched (the request already answered 200):
// at the next start the run is settled as `error` with the reason, never left `pending`.
import { spawn, type ChildProcess } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import { testEngine } from '../../support/test-engine';
import { INTERRUPTED_LAUNCH_REASON } from '../../../src/main/engine/triggers/trigger-run-store';
import { makeTempDir } from '../../support/temp-dir';

const YAML = `
- step:
    name: quick
    command: "true"
`;

it('settles a trigger run interrupted by SIGKILL during launch as error, with the reason', async () => {
  const dataDir = await makeTempDir('launch-kill');
  const projectDir = await makeTempDir('launch-kill-project');
  onTestFinished(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await rm(projectDir, { recursive: true, force: true });
  });
  await writeFile(path.join(projectDir, 'valohai.yaml'), YAML);
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/unit/runs/launch-kill-child.ts'), dataDir, projectDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  onTestFinished(() => kill9(child));
  const [status, runId] = await new Promise<string[]>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`child never reported: ${out}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /PENDING (\d+) (\S+)\n/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve([match[1], match[2]]);
      }
    });
    child.on('exit', (code) => reject(new Error(`child exited with ${code}: ${out}`)));
  });
  expect(status).toBe('200');
  expect(runId).not.toBe('null');
  await kill9(child);

  const engine = testEngine(dataDir);
  await engine.start();
  try {
    const run = await engine.handlers['triggerRuns.get']({ id: runId });
    expect(run).toMatchObject({ id: runId, status: 'error', result: [] });
    expect(run!.errors).toEqual([{ action: 'launch', message: INTERRUPTED_LAUNCH_REASON }]);
    const log = await engine.handlers['triggerLog.list']({ filter: { triggerId: 'stuck' } } as never);
    expect(JSON.stringify(log)).toContain(runId);
  } finally {
    await engine.stop();
  }
  // settled once: a second restart finds the same record, nothing pending
  const again = testEngine(dataDir);
  await again.start();
  try {
    expect((await again.handlers['triggerRuns.get']({ id: runId }))?.status).toBe('error');
  } finally {
    await again.stop();
  }
}, 60_000);

async function kill9(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}
