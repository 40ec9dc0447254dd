// The engine under test for the durability stage: argv <dataDir> <process-kill|power-loss>.
// Prints {"url": ...} once listening; stops on SIGTERM.
import { createEngine } from '../src/main/engine/engine';

async function main(): Promise<void> {
  const [dataDir, durability] = process.argv.slice(2);
  const engine = createEngine({
    dataDir,
    mode: 'headless',
    settingsOverride: { receiver: { port: 0 } },
    durability: durability === 'power-loss' ? 'power-loss' : 'process-kill',
  });
  await engine.start();
  engine.events.subscribe(() => undefined);
  process.on('SIGTERM', () => {
    void engine.stop().then(() => process.exit(0));
  });
  process.stdout.write(`${JSON.stringify({ url: engine.info().receiverUrl })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
