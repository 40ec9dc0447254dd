// The engine most tests want: headless, its receiver on a free loopback port, data in `dataDir`.
import { createEngine } from '../../src/main/engine/engine';
import { startControlServer, type ControlServer } from '../../src/main/transport/web/server';
import type { Engine, EngineOptions } from '../../src/main/engine/ports';

export function testEngine(dataDir: string, extra: Partial<EngineOptions> = {}): Engine {
  return createEngine({ dataDir, mode: 'headless', settingsOverride: { receiver: { port: 0 } }, ...extra });
}

export interface ServedEngine {
  engine: Engine;
  server: ControlServer;
  /** stops the control server, then the engine */
  stop(): Promise<void>;
}

/** A started test engine with the web transport in front of it, serving `staticDir` as the UI. */
export async function serveTestEngine(dataDir: string, staticDir: string): Promise<ServedEngine> {
  const engine = testEngine(dataDir);
  await engine.start();
  const server = await startControlServer({ engine, port: 0, staticDir });
  return {
    engine,
    server,
    async stop() {
      await server.close();
      await engine.stop();
    },
  };
}
