import { describe, expect, it } from 'vitest';
import { registerIpcHandlers, type IpcMainLike, type InvokeEventLike } from '../../../src/main/transport/ipc/register-ipc';
import { appLocation, isAppUrl } from '../../../src/main/electron/app-urls';
import { API_METHODS, ipcChannelFor } from '@shared/contract';
import type { CallEnvelope } from '@shared/transport';
import { fakeEngine } from './fake-engine';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<CallEnvelope>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipc: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };
  return { ipc, handlers };
}

const location = appLocation('/opt/hookbench/out/renderer/index.html', undefined);
const trusted = { senderFrame: { url: 'file:///opt/hookbench/out/renderer/index.html#/inbox' } };

describe('IPC transport registration', () => {
  it('registers exactly one channel per contract call', () => {
    const { ipc, handlers } = fakeIpcMain();
    registerIpcHandlers(ipc, fakeEngine().handlers, (url) => isAppUrl(location, url));
    expect([...handlers.keys()].sort()).toEqual(API_METHODS.map(ipcChannelFor).sort());
  });

  it('carries every call to its handler and answers with an envelope', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const engine = fakeEngine({ apiErrorOn: ['env.save'], crashOn: ['triggers.list'] });
    registerIpcHandlers(ipc, engine.handlers, (url) => isAppUrl(location, url));
    for (const method of API_METHODS) {
      const envelope = await handlers.get(ipcChannelFor(method))!(trusted, { probe: method });
      if (method === 'env.save') {
        expect(envelope).toEqual({ ok: false, error: { code: 'bad_input', message: 'env.save refused', path: 'trigger.id' } });
      } else if (method === 'triggers.list') {
        expect(envelope).toEqual({ ok: false, error: { code: 'internal', message: 'triggers.list blew up' } });
      } else {
        expect(envelope, method).toEqual({ ok: true, result: { echo: method, args: { probe: method } } });
      }
    }
  });

  it('refuses calls from frames that are not the app', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const engine = fakeEngine();
    registerIpcHandlers(ipc, engine.handlers, (url) => isAppUrl(location, url));
    const channel = ipcChannelFor('captures.clear');
    for (const senderFrame of [{ url: 'https://evil.example/' }, { url: 'file:///tmp/other.html' }, null, undefined]) {
      const envelope = await handlers.get(channel)!({ senderFrame }, null);
      expect(envelope).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(engine.calls).toEqual([]);
  });

  it('removes every channel again', () => {
    const { ipc, handlers } = fakeIpcMain();
    const unregister = registerIpcHandlers(ipc, fakeEngine().handlers, () => true);
    unregister();
    expect(handlers.size).toBe(0);
  });
});
