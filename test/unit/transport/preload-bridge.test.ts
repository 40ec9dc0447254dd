import { describe, expect, it } from 'vitest';
import { buildBridge, type IpcRendererLike } from '../../../src/preload/bridge';
import { API_METHODS, IPC_EVENT_CHANNEL, ipcChannelFor } from '@shared/contract';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpcRenderer() {
  const invoked: Array<{ channel: string; args: unknown[] }> = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: IpcRendererLike = {
    async invoke(channel, ...args) {
      invoked.push({ channel, args });
      return { ok: true, result: channel };
    },
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
    },
  };
  const send = (channel: string, ...args: unknown[]) => listeners.get(channel)?.forEach((l) => l({ sender: 'RAW-IPC-EVENT', ports: [] }, ...args));
  return { ipc, invoked, listeners, send };
}

describe('preload bridge', () => {
  it('exposes calls and onEvents only, one call per contract method', () => {
    const bridge = buildBridge(fakeIpcRenderer().ipc);
    expect(Object.keys(bridge).sort()).toEqual(['calls', 'onEvents']);
    expect(Object.keys(bridge.calls).sort()).toEqual([...API_METHODS].sort());
  });

  it('invokes each call on its own channel with the one argument', async () => {
    const fake = fakeIpcRenderer();
    const bridge = buildBridge(fake.ipc);
    for (const method of API_METHODS) {
      expect(await bridge.calls[method]({ probe: method })).toEqual({ ok: true, result: ipcChannelFor(method) });
    }
    expect(fake.invoked).toEqual(API_METHODS.map((m) => ({ channel: ipcChannelFor(m), args: [{ probe: m }] })));
  });

  it('hands listeners the batch and never the IPC event', () => {
    const fake = fakeIpcRenderer();
    const bridge = buildBridge(fake.ipc);
    const received: unknown[][] = [];
    const off = bridge.onEvents((...args: unknown[]) => received.push(args));
    const batch = [{ type: 'captures.cleared', at: 1 }];
    fake.send(IPC_EVENT_CHANNEL, batch);
    expect(received).toEqual([[batch]]);
    off();
    fake.send(IPC_EVENT_CHANNEL, batch);
    expect(received).toHaveLength(1);
    expect(fake.listeners.get(IPC_EVENT_CHANNEL)!.size).toBe(0);
  });
});
