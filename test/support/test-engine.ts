// The engine most tests want: headless, its receiver on a free loopback port, data in `dataDir`.
import { createEngine } from '../../src/main/engine/engine';
import type { Engine, EngineOptions } from '../../src/main/engine/ports';

export function testEngine(dataDir: string, extra: Partial<EngineOptions> = {}): Engine {
  return createEngine({ dataDir, mode: 'headless', settingsOverride: { receiver: { port: 0 } }, ...extra });
}
