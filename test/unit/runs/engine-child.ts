// Run by restart.test.ts through tsx: an engine that launches a hanging step and a pipeline, then
// reports their ids once started so the test can SIGKILL this process mid-run.
import { testEngine } from '../../support/test-engine';

async function main(): Promise<void> {
  const [dataDir, projectDir] = process.argv.slice(2);
  const engine = testEngine(dataDir);
  await engine.start();
  await engine.handlers['project.set']({ folder: projectDir, defaultMode: 'command', concurrency: 4 });
  await engine.handlers['triggers.save']({
    trigger: {
      id: 'hang',
      title: 'Hang',
      enabled: true,
      conditions: [],
      actions: [
        { type: 'run-execution', step: 'hang' },
        { type: 'run-pipeline', pipeline: 'hangs' },
      ],
    },
  });
  const started = new Set<string>();
  engine.events.subscribe((batch) => {
    for (const e of batch) {
      if (e.type === 'execution.status' && e.execution.status === 'started') started.add(e.execution.id);
      if (started.size >= 2) process.stdout.write(`RUNNING ${[...started].join(' ')}\n`);
    }
  });
  await fetch(`${engine.info().receiverUrl}/api/v0/launch/hang/`, { method: 'POST', body: '{}' });
}

// no top-level await: tsx runs this file as CommonJS
void main();
