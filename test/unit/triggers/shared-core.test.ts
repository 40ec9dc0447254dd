// The pure core shared with the renderer: lookups, basestrings, secrets, {run_id}, presets, lint.
import { describe, expect, it } from 'vitest';
import { describeBasestring, parseFormat, renderBasestring } from '@shared/triggers/basestring';
import { fromBase64, toBase64 } from '@shared/triggers/bytes';
import { lintTrigger } from '@shared/triggers/lint';
import { cutPrefix, findHeader, lookupToken, lookupValue, splitJsonPath } from '@shared/triggers/lookup';
import { TRIGGER_PRESETS } from '@shared/triggers/presets';
import { substituteRunIdJson, substituteRunIdText } from '@shared/triggers/run-id';
import { maskSecret, redactText, resolveSecret } from '@shared/triggers/secrets';
import { validateTrigger } from '@shared/triggers/workspace';
import type { Trigger } from '@shared/trigger';

const enc = new TextEncoder();
const req = (body: string, headers: [string, string][] = [], url = '/api/v0/launch/t/') => ({
  method: 'POST',
  url,
  rawHeaders: headers,
  body: enc.encode(body),
});

describe('lookups', () => {
  it('headers: case-insensitive, first occurrence', () => {
    expect(
      findHeader(
        [
          ['X-A', '1'],
          ['x-a', '2'],
        ],
        'X-a',
      ),
    ).toBe('1');
  });
  it('query, form, json (top level and the dotted extension with \\. escapes)', () => {
    const r = req('a=1&token=t%20x', [], '/p/?q=1&q=2&s=%2B');
    expect(lookupValue(r, 'query', 'q')).toMatchObject({ ok: true, text: '1' });
    expect(lookupValue(r, 'query', 's')).toMatchObject({ ok: true, text: '+' });
    expect(lookupValue(r, 'form', 'token')).toMatchObject({ ok: true, text: 't x' });
    const j = req(JSON.stringify({ a: { 'b.c': 5 }, 'x.y': 'top', arr: [{ v: 'z' }] }));
    expect(lookupValue(j, 'json', 'a.b\\.c')).toMatchObject({ ok: true, value: 5, text: '5' });
    expect(lookupValue(j, 'json', 'x.y')).toMatchObject({ ok: true, text: 'top' });
    expect(lookupValue(j, 'json', 'arr.0.v')).toMatchObject({ ok: true, text: 'z' });
    expect(lookupValue(j, 'json', 'a.nope')).toEqual({ ok: false, reason: 'JSON key a.nope not found in the JSON body' });
    expect(splitJsonPath('data.valohai\\.execution-step')).toEqual(['data', 'valohai.execution-step']);
  });
  it('prefix cutting is exact', () => {
    expect(cutPrefix('JWT abc', 'JWT ', 'h')).toEqual({ ok: true, value: 'abc' });
    expect(cutPrefix('JWTabc', 'JWT ', 'header A')).toEqual({ ok: false, reason: 'header A does not start with the prefix "JWT "' });
    expect(lookupToken(req('', [['Authorization', 'Bearer x']]), { namespace: 'header', key: 'authorization', prefix: 'Bearer ' })).toEqual({
      ok: true,
      value: 'x',
    });
    expect(lookupToken(req('{"t":{"a":1}}'), { namespace: 'json', key: 't' })).toMatchObject({ ok: false, reason: 'JSON key t is an object, not a token' });
  });
});

describe('basestrings', () => {
  it('parses literals and every placeholder; unknown braces stay literal', () => {
    expect(parseFormat('v0:{header:X-T}:{body}|{query:q}{method}{url}{nope}').map((p) => p.kind)).toEqual([
      'literal',
      'header',
      'literal',
      'body',
      'literal',
      'query',
      'method',
      'url',
      'literal',
    ]);
  });
  it('renders exact bytes and a segment trace with missing markers', () => {
    const r = renderBasestring('prefix.{body}.{header:Request-Timestamp}', req('a=1', [['request-timestamp', '1700000000']]));
    expect(new TextDecoder().decode(r.bytes)).toBe('prefix.a=1.1700000000');
    expect(r.segments.map((s) => [s.kind, s.byteLength])).toEqual([
      ['literal', 7],
      ['body', 3],
      ['literal', 1],
      ['header', 10],
    ]);
    expect(describeBasestring(r.segments)).toBe('prefix.{body}.1700000000');
    const missing = renderBasestring('{header:X}{query:q}{method} {url}', req('', [], '/u?x=1'));
    expect(missing.missing).toEqual(['header X', 'query q']);
    expect(missing.segments.filter((s) => s.missing).map((s) => s.source)).toEqual(['{header:X}', '{query:q}']);
    expect(new TextDecoder().decode(missing.bytes)).toBe('POST /u?x=1');
  });
  it('keeps non-UTF-8 body bytes and latin1 header bytes exactly', () => {
    const r = renderBasestring('{header:H}{body}', { method: 'POST', url: '/', rawHeaders: [['H', '\u00e9']], body: new Uint8Array([0xff, 0x00]) });
    expect([...r.bytes]).toEqual([0xe9, 0xff, 0x00]);
  });
});

describe('secrets and {run_id}', () => {
  it('resolves several references mixed with text; names every missing variable', () => {
    const env = [
      { name: 'A', value: 'aa', secret: true },
      { name: 'B', value: 'bb', secret: false },
    ];
    expect(resolveSecret('x{env:A}-{env:B}y', env)).toMatchObject({ ok: true, value: 'xaa-bby' });
    expect(resolveSecret('{env:A}{env:C}{env:D}', env)).toMatchObject({
      ok: false,
      missing: ['C', 'D'],
      reason: 'secret key refers to environment variables "C", "D" that are not defined',
    });
  });
  it('masks', () => {
    expect(maskSecret('supersecretvalue')).toBe('su… (16 chars)');
    expect(redactText('got supersecretvalue here', ['supersecretvalue'])).toBe('got su… (16 chars) here');
  });
  it('substitutes {run_id} in text and in every string of nested JSON', () => {
    expect(substituteRunIdText('a {run_id} b {run_id}', 'R')).toBe('a R b R');
    expect(substituteRunIdJson({ a: ['{run_id}', 1, { b: 'x{run_id}' }], n: null }, 'R')).toEqual({ a: ['R', 1, { b: 'xR' }], n: null });
  });
  it('base64 helpers round-trip and reject garbage', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 253]);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(fromBase64('a$b=')).toBeNull();
  });
});

const presetSecretNames = () =>
  TRIGGER_PRESETS.flatMap((p) =>
    p.build().conditions.flatMap((c) => (c.type === 'web-auth' ? [...c.secretKey.matchAll(/\{env:([^}]+)\}/g)].map((m) => m[1]) : [])),
  );

describe('presets', () => {
  it('every preset builds a valid trigger that uses {env:…} secrets', () => {
    expect(TRIGGER_PRESETS.map((p) => p.id)).toEqual(
      expect.arrayContaining([
        'github',
        'slack',
        'zoom',
        'linear',
        'intercom',
        'jira',
        'bearer',
        'query-token',
        'jwt-hs256',
        'jwt-rs256',
        'doc-static',
        'doc-hmac',
        'doc-hmac-timestamp',
      ]),
    );
    for (const p of TRIGGER_PRESETS) {
      const t = p.build();
      expect(validateTrigger(JSON.parse(JSON.stringify(t)))).toEqual(t);
      expect(t.conditions.some((c) => c.type === 'web-auth' && /^\{env:[A-Z][A-Z0-9_]*\}$/.test(c.secretKey))).toBe(true);
      const env = [...new Set([...presetSecretNames(), 'WEBHOOK_TOKEN', 'WEBHOOK_PUBLIC_KEY'])].map((name) => ({ name, value: 'x', secret: true }));
      expect(lintTrigger(t, env).filter((w) => w.severity === 'warning')).toEqual([]);
    }
  });

  it('gives each provider its own, provider-named secret variable', () => {
    const secretOf = (id: string) => (TRIGGER_PRESETS.find((p) => p.id === id)!.build().conditions[0] as { secretKey: string }).secretKey;
    const providers = ['github', 'slack', 'zoom', 'linear', 'intercom', 'jira'];
    const names = providers.map(secretOf);
    expect(new Set(names).size).toBe(providers.length);
    expect(secretOf('github')).toBe('{env:GITHUB_WEBHOOK_SECRET}');
    expect(secretOf('slack')).toBe('{env:SLACK_SIGNING_SECRET}');
    providers.forEach((id, i) => expect(names[i]).toContain(id.toUpperCase()));
  });
});

describe('lintTrigger', () => {
  const base = (over: Partial<Trigger>): Trigger => ({ id: 't', title: 't', enabled: true, conditions: [], actions: [], ...over });
  const codes = (t: Trigger, env?: []) => lintTrigger(t, env).map((w) => `${w.path} ${w.code}`);
  it('flags the usual mistakes', () => {
    const t = base({
      conditions: [
        { type: 'web-auth', authType: 'hmac', namespace: 'header', key: 'S', secretKey: '', hmacFormat: 'hmac:{header:X-Hmac-Timestamp}:{body}{bogus}' },
        { type: 'web-timestamp', namespace: 'header', key: 'Request-Timestamp', tolerance: 60 },
        { type: 'payload-filter', namespace: 'json', key: 'ref', operator: 'regex', value: '(' },
        {
          type: 'web-auth',
          authType: 'jwt',
          namespace: 'header',
          key: 'A',
          secretKey: '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----',
          algorithm: 'HS256',
        },
        { type: 'web-auth', authType: 'static', namespace: 'header', key: 'A', secretKey: '{env:MISSING}' },
      ],
      actions: [
        { type: 'web-response-text', text: 'a' },
        { type: 'run-execution', step: 's' },
        { type: 'web-response-json', json: {} },
      ],
    });
    expect(codes(t, [])).toEqual(
      expect.arrayContaining([
        'conditions[0].secretKey empty-secret',
        'conditions[0].hmacFormat unknown-placeholder',
        'conditions[0].hmacFormat unchecked-signed-header',
        'conditions[1] unsigned-timestamp',
        'conditions[2].value invalid-regex',
        'conditions[3].secretKey jwt-key-confusion',
        'conditions[4].secretKey missing-env',
        'actions[2] unused-response',
      ]),
    );
    expect(codes(base({}))).toEqual(['conditions no-auth']);
  });
});
