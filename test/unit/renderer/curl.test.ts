import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeaderTuple } from '@shared/capture';
import { ansiCQuote, buildCurl, shellQuote } from '../../../src/renderer/src/features/captures/lib/curl';

interface Seen {
  method: string;
  url: string;
  headers: HeaderTuple[];
  body: Buffer;
}

let seen: Seen[] = [];
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const headers: HeaderTuple[] = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i], req.rawHeaders[i + 1]]);
    seen.push({ method: req.method!, url: req.url!, headers, body: Buffer.concat(chunks) });
    res.end('ok');
  });
});
let origin = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function runInShell(command: string, shell: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(shell, ['-c', `${command} --silent --show-error --output /dev/null`], { timeout: 10_000 }, (error, _out, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(),
    );
  });
}

async function replay(input: { method: string; target: string; headers: HeaderTuple[]; body: Uint8Array }, shell = 'bash') {
  seen = [];
  const command = buildCurl({ method: input.method, url: origin + input.target, headers: input.headers, body: input.body });
  await runInShell(command, shell);
  expect(seen).toHaveLength(1);
  return { request: seen[0], command };
}

const names = (headers: HeaderTuple[]) => headers.map(([name]) => name.toLowerCase());

describe('buildCurl, replayed by a real shell and curl', () => {
  it('reproduces method, raw target, header tuples and a text body', async () => {
    const body = new Uint8Array(Buffer.from(`{"it's":"quoted \\"twice\\"","$HOME":"\`x\`","line":"a\nb","tab":"\t"}`));
    const headers: HeaderTuple[] = [
      ['Content-Type', 'application/json'],
      ['X-Sig', "t=1,v1=ab'cd"],
      ['X-Dup', 'one'],
      ['X-Dup', 'two'],
      ['Content-Length', '999'],
    ];
    const { request, command } = await replay({ method: 'PATCH', target: '/hooks/../a//b?x=[1]&y={2}&x=3', headers, body });
    expect(request.method).toBe('PATCH');
    expect(request.url).toBe('/hooks/../a//b?x=[1]&y={2}&x=3');
    expect(request.body.toString()).toBe(Buffer.from(body).toString());
    const custom = request.headers.filter(([name]) => /^x-|^content-type$/i.test(name));
    expect(custom).toEqual(headers.slice(0, 4));
    // curl's own User-Agent and Accept go out (no "-H User-Agent:" that reads as an empty header); the command says so
    expect(command).not.toMatch(/-H '?User-Agent:'?( |$)/m);
    expect(command).toMatch(/^# curl adds its own User-Agent and Accept/);
    expect(command).toMatch(/curl --globoff --path-as-is -X PATCH '/);
  });

  it('reproduces binary bodies byte for byte, including NUL, %, backslash and quotes', async () => {
    const body = new Uint8Array([0x00, 0x1f, 0x8b, 0x25, 0x5c, 0x27, 0x0d, 0x0a, 0x31, 0x00, 0x35, 0xff, 0x7f, 0x20]);
    for (const shell of ['bash', 'dash']) {
      const { request, command } = await replay({ method: 'POST', target: '/bin', headers: [['Content-Type', 'application/octet-stream']], body }, shell);
      expect(command).toContain('--data-binary @-');
      expect(Array.from(request.body)).toEqual(Array.from(body));
    }
  });

  it('does not let curl add a Content-Type the original did not have, nor read @files', async () => {
    const { request } = await replay({ method: 'POST', target: '/x', headers: [], body: new Uint8Array(Buffer.from('@/etc/hostname')) });
    expect(request.body.toString()).toBe('@/etc/hostname');
    expect(names(request.headers)).not.toContain('content-type');
  });

  it('sends headers with empty values', async () => {
    const { request } = await replay({ method: 'GET', target: '/', headers: [['X-Empty', '']], body: new Uint8Array() });
    expect(request.headers).toContainEqual(['X-Empty', '']);
  });

  it('adds a note when the body was truncated', () => {
    const command = buildCurl({ method: 'POST', url: 'http://h/x', headers: [], body: new Uint8Array([65]), bodyTruncated: true });
    expect(command).toMatch(/^# note: only the first 1 bytes/m);
  });
});

describe('quoting', () => {
  it('leaves plain tokens alone and single-quotes the rest', () => {
    expect(shellQuote('POST')).toBe('POST');
    expect(shellQuote("a b'c")).toBe(`'a b'\\''c'`);
    expect(ansiCQuote('a\u0001\\b')).toBe(`$'a\\x01\\\\b'`);
  });
});
