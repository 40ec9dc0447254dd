// Sends exact bytes over a socket and collects whatever comes back until the server closes.
import net from 'node:net';

export interface RawResponse {
  status: number;
  head: string;
  body: Buffer;
  raw: Buffer;
}

export function rawExchange(port: number, parts: Array<Buffer | string>, options: { gapMs?: number; timeoutMs?: number } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no answer in time'));
    }, options.timeoutMs ?? 5000);
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', () => undefined); // a reset after the answer is fine
    socket.on('close', () => {
      clearTimeout(timer);
      const raw = Buffer.concat(chunks);
      const split = raw.indexOf('\r\n\r\n');
      const head = raw.subarray(0, split === -1 ? raw.length : split).toString('latin1');
      resolve({ status: Number(head.split(' ')[1]), head, body: split === -1 ? Buffer.alloc(0) : raw.subarray(split + 4), raw });
    });
    socket.on('connect', async () => {
      for (const part of parts) {
        if (socket.destroyed) return;
        socket.write(part);
        if (options.gapMs) await new Promise((r) => setTimeout(r, options.gapMs));
      }
    });
  });
}
