// Kill the engine mid-run (SIGKILL, no shutdown code runs) and start it again on the same data dir.
import { spawn, type ChildProcess } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { testEngine } from '../../support/test-engine';
import { RESTART_REASON } from '../../../src/main/engine/runs/run-records';
import { makeTempDir } from '../../support/temp-dir';

const YAML = `
- step:
    name: hang
    command: sleep 8
    inputs:
      - name: x
- pipeline:
    name: hangs
    nodes:
      - name: a
        type: execution
        step: hang
      - name: b
        type: execution
        step: hang
    edges:
      - [a.output.*, b.input.x]
`;

describe('runs survive a killed engine', () => {
  it('marks what was running as stopped with the reason on the next start', async () => {
    const dataDir = await makeTempDir('restart');
    const projectDir = await makeTempDir('restart-project');
    await writeFile(path.join(projectDir, 'valohai.yaml'), YAML);
    // node --import tsx: one process, so SIGKILL hits the engine itself (the tsx CLI would fork a second one)
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/unit/runs/engine-child.ts'), dataDir, projectDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const running = await new Promise<string[]>((resolve, reject) => {
      // never leave the engine behind when the test fails
      onTestFinished(() => kill9(child));
      let out = '';
      const timer = setTimeout(() => reject(new Error(`child never reported: ${out}`)), 20_000);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /RUNNING (.+)\n/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[1].split(' '));
        }
      });
      child.on('exit', (code) => reject(new Error(`child exited with ${code}: ${out}`)));
    });
    await kill9(child);

    const engine = testEngine(dataDir);
    await engine.start();
    try {
      for (const id of running) {
        const detail = await engine.handlers['runs.getExecution']({ id });
        expect(detail!.execution.status).toBe('stopped');
        expect(detail!.execution.statusReason).toBe(RESTART_REASON);
        expect(detail!.execution.endedAt).toBeGreaterThan(0);
      }
      const pipelines = await engine.handlers['runs.list']({ kind: 'pipeline' });
      expect(pipelines.items).toHaveLength(1);
      const pipeline = pipelines.items[0].kind === 'pipeline' ? pipelines.items[0].pipeline : null;
      expect(pipeline).toMatchObject({ status: 'stopped', statusReason: RESTART_REASON });
      expect(pipeline!.nodes.map((n) => n.status)).toEqual(['stopped', 'stopped']);
      // a re-run after the restart works on the same journals
      const again = await engine.handlers['runs.rerun']({ id: running[0] });
      expect(again?.kind).toBe('execution');
      await engine.handlers['runs.stop']({ id: again!.id });
    } finally {
      await engine.stop();
      // the killed engine's `sleep` children were orphaned; they end on their own after 8 s
      await rm(dataDir, { recursive: true, force: true });
      await rm(projectDir, { recursive: true, force: true });
    }
  }, 40_000);
});

async function kill9(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}
