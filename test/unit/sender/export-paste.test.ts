// The curl export pasted into an interactive bash: it sends, and the shell is still there after a
// failing command (no `set -e`, which would close it).
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { exportCurl } from '@shared/signing/export-curl';

function interactiveBash(stdin: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--norc', '--noprofile', '-i'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '', HOME: '/tmp', PS1: '' },
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c));
    child.stderr.on('data', (c: Buffer) => (out += c));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`bash did not finish:\n${out}`));
    }, 15_000);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve(out);
    });
    child.stdin.end(stdin);
  });
}

describe('curl export pasted into an interactive shell', () => {
  it('has no set -e, sends the request, and leaves the shell open after a failing command', async () => {
    let bodies = 0;
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        bodies++;
        res.end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook?a=1&b=2`;
    try {
      const { text } = exportCurl(
        { method: 'POST', url, headers: [['Content-Type', 'application/json']], body: new TextEncoder().encode('{"x":1}') },
        null,
        null,
        false,
      );
      expect(text).not.toMatch(/set -e/);
      const out = await interactiveBash(`${text}\nfalse\necho "still-here-$?"\nexit 0\n`);
      expect(out).toContain('still-here-1');
      expect(bodies).toBe(1);
    } finally {
      server.close();
    }
  });
});
