// Requests Hookbench sends to itself (notification deliveries, run-info polls, the Sender) are
// marked in the inbox without touching their bytes: the outgoing client records each socket's
// local address and port while it is open, and the receiver looks the peer up when it captures.
import type { SentBy } from '@shared/capture';

const open = new Map<string, SentBy>();

const key = (address: string | undefined, port: number | undefined): string => `${(address ?? '').replace(/^::ffff:/, '')}:${port ?? 0}`;

export function rememberSocket(address: string | undefined, port: number | undefined, origin: SentBy): void {
  if (port) open.set(key(address, port), origin);
}

export function forgetSocket(address: string | undefined, port: number | undefined): void {
  if (port) open.delete(key(address, port));
}

/** Which part of Hookbench sent a request arriving from this peer, if it did. */
export function selfSentBy(remoteAddress: string, remotePort: number): SentBy | undefined {
  if (open.size === 0) return undefined; // nothing of ours is connected: no key to build
  return open.get(key(remoteAddress, remotePort));
}
