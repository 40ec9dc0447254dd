// Every other place a value reaches a shell: the sender's "Export as curl" script and the
// inbox's "Copy as curl". Seeded random values go through real bash and must come out as the
// same bytes; a hostile request exported and run against a loopback server arrives intact.
import { execFile, execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCurl, shellWord } from '@shared/signing/export-curl';
import type { OutgoingRequest, SigningProfile } from '@shared/signing/types';
import { ansiCQuote, printfBytes, shellQuote } from '../../../src/renderer/src/features/captures/lib/curl';
import { mulberry32 as seeded } from '../../support/seeded-random';
import { makeTempDir } from '../../support/temp-dir';

const run = promisify(execFile);

const PIECES = [
  "'",
  '"',
  '$',
  '`',
  '\\',
  '\n',
  '\t',
  ' ',
  ';',
  '&',
  '|',
  '<',
  '>',
  '(',
  ')',
  '{',
  '}',
  '*',
  '?',
  '[',
  '~',
  '#',
  '!',
  '%',
  '%s',
  '-',
  '-v x',
  '$&',
  "$'",
  '$(touch pwned)',
  '${IFS}',
  '\\x41',
  '\\n',
  'a',
  '7',
  'é',
  '💥',
  '\u0001',
  '\u001b',
  '\u007f',
  '\r',
];
const randomValue = (next: () => number, pieces = PIECES): string => {
  let out = '';
  const n = Math.floor(next() * 10);
  for (let i = 0; i < n; i++) out += pieces[Math.floor(next() * pieces.length)];
  return next() < 0.2 ? `${out}$` : out;
};

/** bash prints each word followed by NUL: the argv the words became */
function bashArgv(words: string[]): string[] {
  const out = execFileSync('bash', ['-c', `printf '%s\\0' ${words.join(' ')}`], { cwd: tmpdir() })
    .toString('utf8')
    .split('\0');
  out.pop();
  return out;
}

describe('shell words of the exports (property test, fixed seed)', () => {
  it('export-curl shellWord and Copy-as-curl quoting keep 3000 random values byte for byte', () => {
    const next = seeded(20261201);
    for (let batch = 0; batch < 10; batch++) {
      const values = Array.from({ length: 300 }, () => randomValue(next));
      const words = values.flatMap((v) => [shellWord(v), shellQuote(v), ansiCQuote(v)]);
      expect(bashArgv(words)).toEqual(values.flatMap((v) => [v, v, v]));
    }
    expect(existsSync(path.join(tmpdir(), 'pwned'))).toBe(false);
  });

  it('printf bodies of Copy-as-curl reproduce random bytes, even one starting with "-"', () => {
    const next = seeded(7);
    for (let i = 0; i < 200; i++) {
      const bytes = Buffer.from(Array.from({ length: Math.floor(next() * 40) }, () => Math.floor(next() * 256)));
      if (i % 4 === 0) bytes[0] = 0x2d; // "-…": printf must not take it for an option
      const out = execFileSync('bash', ['-c', `printf ${printfBytes(bytes)}`], { cwd: tmpdir() });
      expect(out.equals(bytes), `case ${i}: ${bytes.toString('hex')}`).toBe(true);
    }
  });
});

describe('an exported curl command run in bash', () => {
  let server: http.Server;
  let base: string;
  const seen: Array<{ url: string; headers: string[]; body: Buffer }> = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ url: req.url ?? '', headers: req.rawHeaders, body: Buffer.concat(chunks) });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('sends hostile headers, query and body exactly, HMAC-signed over them, and runs nothing', async () => {
    const hostile = `it's $(touch pwned) \`touch pwned\` "q" ; | & $HOME %s \\n $& end$`;
    const body = `{"text":"${hostile.replace(/["\\]/g, '\\$&')}"}\nline 2 é 💥\n`;
    const request: OutgoingRequest = {
      method: 'POST',
      url: `${base}/hook?q=${encodeURIComponent(hostile)}`,
      headers: [
        ['X-Evil', hostile],
        ['Content-Type', 'application/json'],
      ],
      body: new Uint8Array(Buffer.from(body)),
    };
    const profile: SigningProfile = {
      id: 'p',
      name: 'p',
      kind: 'hmac',
      secret: "sëcret $(touch pwned) '",
      algorithm: 'sha256',
      encoding: 'hex',
      format: `v0:{header:X-Evil}:$(touch pwned)'%s:{body}`,
      placement: { namespace: 'header', key: 'X-Sig', prefix: 'v0=' },
    };
    const { text } = exportCurl(request, profile, null, true);
    const dir = await makeTempDir('export');
    await writeFile(path.join(dir, 'send.sh'), text);
    seen.length = 0;
    await run('bash', [path.join(dir, 'send.sh')], { cwd: dir });
    expect(existsSync(path.join(dir, 'pwned'))).toBe(false);
    const got = seen[0];
    expect(got.body.toString()).toBe(body);
    expect(got.url).toBe(`/hook?q=${encodeURIComponent(hostile)}`);
    const header = (name: string) => got.headers[got.headers.findIndex((h, i) => i % 2 === 0 && h.toLowerCase() === name.toLowerCase()) + 1];
    expect(header('X-Evil')).toBe(hostile);
    const expected = createHmac('sha256', profile.secret).update(`v0:${hostile}:$(touch pwned)'%s:${body}`).digest('hex');
    expect(header('X-Sig')).toBe(`v0=${expected}`);
    await rm(dir, { recursive: true, force: true });
  });

  it('writes JWT custom claims holding %, backslashes and newlines as the same JSON', async () => {
    const custom = { 'k%s': 'a%sb\\nc\nd', q: "it's $(touch pwned)", n: 5 };
    const profile: SigningProfile = {
      id: 'j',
      name: 'j',
      kind: 'jwt',
      algorithm: 'HS256',
      secret: 's3cret',
      claims: { custom },
      placement: { namespace: 'header', key: 'Authorization', prefix: 'Bearer ' },
    };
    const { text } = exportCurl({ method: 'POST', url: `${base}/jwt`, headers: [], body: new Uint8Array() }, profile, null, true);
    const dir = await makeTempDir('export');
    await writeFile(path.join(dir, 'send.sh'), text);
    seen.length = 0;
    await run('bash', [path.join(dir, 'send.sh')], { cwd: dir });
    const auth = seen[0].headers[seen[0].headers.indexOf('Authorization') + 1];
    const [h, p, s] = auth.slice('Bearer '.length).split('.');
    expect(JSON.parse(Buffer.from(p, 'base64url').toString())).toEqual(custom);
    expect(createHmac('sha256', 's3cret').update(`${h}.${p}`).digest('base64url')).toBe(s);
    expect(existsSync(path.join(dir, 'pwned'))).toBe(false);
    await rm(dir, { recursive: true, force: true });
  });

  it('does not splice an unknown JWT algorithm into the script', () => {
    const profile = {
      id: 'j',
      name: 'j',
      kind: 'jwt',
      algorithm: 'HS256 -hmac x; touch pwned; #',
      secret: 's',
      claims: {},
      placement: { namespace: 'header', key: 'Authorization' },
    } as unknown as SigningProfile;
    const { text } = exportCurl(
      { method: 'POST', url: `${base}/x`, headers: [], body: new Uint8Array() },
      profile,
      { request: { method: 'POST', url: base, headers: [], body: new Uint8Array() }, signature: 'tok', changed: [], notes: [] },
      true,
    );
    expect(text).not.toContain('touch pwned');
  });
});
