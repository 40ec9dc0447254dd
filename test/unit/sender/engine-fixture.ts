// A real engine (testEngine: headless, loopback port 0) with the given triggers and env, in a temp dir.
import { rm } from 'node:fs/promises';
import { testEngine } from '../../support/test-engine';
import type { Engine } from '../../../src/main/engine/ports';
import type { EnvVariable, Trigger } from '@shared/trigger';
import { makeTempDir } from '../../support/temp-dir';

export interface EngineFixture {
  engine: Engine;
  url: string;
  dataDir: string;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startEngine(triggers: Trigger[], env: EnvVariable[], dataDir?: string): Promise<EngineFixture> {
  const dir = dataDir ?? (await makeTempDir('sender'));
  const make = () => testEngine(dir, { workspace: { version: 2, env, triggers } });
  const fixture: EngineFixture = {
    engine: make(),
    url: '',
    dataDir: dir,
    async restart() {
      await fixture.engine.stop();
      fixture.engine = make();
      await fixture.engine.start();
      fixture.url = fixture.engine.info().receiverUrl;
    },
    async close() {
      await fixture.engine.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  await fixture.engine.start();
  fixture.url = fixture.engine.info().receiverUrl;
  return fixture;
}

export const launchUrl = (base: string, id: string) => `${base}/api/v0/launch/${id}/`;
export const b64 = (s: string) => Buffer.from(s).toString('base64');
