// Run by launch-kill.test.ts through tsx: an engine whose run launch cannot finish (valohai.yaml
// is swapped for a FIFO nobody writes, so reading it blocks), then a launch request. Once the
// request is answered and the trigger run is pending, it prints its id so the test can SIGKILL.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { testEngine } from '../../support/test-engine';

async function main(): Promise<void> {
  const [dataDir, projectDir] = process.argv.slice(2);
  const engine = testEngine(dataDir);
  await engine.start();
  await engine.handlers['project.set']({ folder: projectDir, defaultMode: 'command', concurrency: 4 });
  await engine.handlers['triggers.save']({
    trigger: { id: 'stuck', title: 'Stuck', enabled: true, conditions: [], actions: [{ type: 'run-execution', step: 'quick' }] },
  });
  const yaml = path.join(projectDir, 'valohai.yaml');
  rmSync(yaml);
  execFileSync('mkfifo', [yaml]);
  let pending: string | null = null;
  engine.events.subscribe((batch) => {
    for (const e of batch) if (e.type === 'run.status' && e.run.status === 'pending') pending = e.run.id;
  });
  const res = await fetch(`${engine.info().receiverUrl}/api/v0/launch/stuck/`, { method: 'POST', body: '{}' });
  await res.text();
  for (let i = 0; i < 200 && !pending; i++) await new Promise((r) => setTimeout(r, 10));
  process.stdout.write(`PENDING ${res.status} ${pending}\n`);
}

// no top-level await: tsx runs this file as CommonJS
void main();
