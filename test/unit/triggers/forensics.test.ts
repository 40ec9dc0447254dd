// Signature forensics and what-if, with signatures made independently by node:crypto.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { diagnoseHmacMismatch } from '../../../src/main/engine/triggers/forensics';
import { whatIf } from '../../../src/main/engine/triggers/what-if';
import type { Trigger, WebAuthCondition } from '@shared/trigger';
import type { TriggerLogEntry } from '@shared/trigger-log';
import type { HeaderTuple } from '@shared/capture';

const SECRET = 'forensic-secret-42';
const hmac = (alg: string, data: string | Buffer, key: string | Buffer = SECRET) => createHmac(alg, key).update(data);
const github: WebAuthCondition = {
  type: 'web-auth',
  authType: 'hmac',
  namespace: 'header',
  key: 'X-Hub-Signature-256',
  prefix: 'sha256=',
  secretKey: '{env:T}',
  algorithm: 'sha256',
};
const request = (body: string, headers: HeaderTuple[]) => ({ method: 'POST', url: '/api/v0/launch/x/', rawHeaders: headers, body: Buffer.from(body) });
const pretty = JSON.stringify({ action: 'opened', number: 7, pull_request: { title: 'Fix', draft: false } }, null, 2);

describe('diagnoseHmacMismatch', () => {
  it('the sender signed minified JSON while the body on the wire is pretty', () => {
    const sig = 'sha256=' + hmac('sha256', JSON.stringify(JSON.parse(pretty))).digest('hex');
    const report = diagnoseHmacMismatch(github, request(pretty, [['X-Hub-Signature-256', sig]]), SECRET);
    expect(report.matchesAsConfigured).toBe(false);
    expect(report.matches[0].sentence).toBe('the sender signs the body re-serialised as minified JSON.');
  });

  it('the stored secret has a trailing newline (pasted from a file)', () => {
    const body = '{"a":1}';
    const sig = 'sha256=' + hmac('sha256', body).digest('hex');
    const report = diagnoseHmacMismatch(github, request(body, [['X-Hub-Signature-256', sig]]), `${SECRET}\n`);
    expect(report.matches[0].differences).toEqual([
      "the secret key has leading/trailing whitespace or a newline (pasted from a file?) that the sender's secret does not have",
    ]);
  });

  it('base64 instead of hex', () => {
    const body = 'payload=1';
    const sig = 'sha256=' + hmac('sha256', body).digest('base64');
    const report = diagnoseHmacMismatch(github, request(body, [['X-Hub-Signature-256', sig]]), SECRET);
    expect(report.matches[0]).toMatchObject({ encoding: 'base64', differences: ['the sender encodes the signature as base64, not hex'] });
  });

  it('sha1 instead of sha256 (and the sha1= prefix)', () => {
    const body = '{"event":"x"}';
    const plain = diagnoseHmacMismatch(github, request(body, [['X-Hub-Signature-256', 'sha256=' + hmac('sha1', body).digest('hex')]]), SECRET);
    expect(plain.matches[0].sentence).toBe('the sender uses sha1, not sha256.');
    const prefixed = diagnoseHmacMismatch(github, request(body, [['X-Hub-Signature-256', 'sha1=' + hmac('sha1', body).digest('hex')]]), SECRET);
    expect(prefixed.matches[0].differences).toEqual(['the sender uses sha1, not sha256', 'the sender uses the prefix "sha1=" instead of "sha256="']);
  });

  it('prefix missing or doubled', () => {
    const body = 'x';
    const digest = hmac('sha256', body).digest('hex');
    expect(diagnoseHmacMismatch(github, request(body, [['X-Hub-Signature-256', digest]]), SECRET).matches[0].sentence).toBe(
      'the sender sends no "sha256=" prefix.',
    );
    expect(diagnoseHmacMismatch(github, request(body, [['X-Hub-Signature-256', `sha256=sha256=${digest}`]]), SECRET).matches[0].sentence).toBe(
      'the sender doubles the prefix ("sha256=sha256=").',
    );
  });

  it('trailing newline on the body, CRLF, Python json.dumps', () => {
    const body = '{"a": 1,\r\n "b": "é"}\n';
    const sigFor = (signed: string) => 'sha256=' + hmac('sha256', signed).digest('hex');
    const diag = (signed: string) => diagnoseHmacMismatch(github, request(body, [['X-Hub-Signature-256', sigFor(signed)]]), SECRET).matches[0]?.sentence;
    expect(diag(body.replace(/\n$/, ''))).toBe('the sender signs the body without its trailing newline.');
    expect(diag(body.replace(/\r\n/g, '\n'))).toBe('the sender signs the body with LF line endings (CRLF on the wire).');
    expect(diag('{"a": 1, "b": "\\u00e9"}')).toBe('the sender signs the body re-serialised by Python\'s json.dumps (", " and ": " separators).');
  });

  it('timestamp in ms vs s, and a different header in the format', () => {
    const slack: WebAuthCondition = { ...github, key: 'X-Slack-Signature', prefix: 'v0=', hmacFormat: 'v0:{header:X-Slack-Request-Timestamp}:{body}' };
    const body = 'token=x&text=y';
    const ms = '1700000000123';
    const sigMs = 'v0=' + hmac('sha256', `v0:1700000000:${body}`).digest('hex');
    const r1 = diagnoseHmacMismatch(
      slack,
      request(body, [
        ['X-Slack-Request-Timestamp', ms],
        ['X-Slack-Signature', sigMs],
      ]),
      SECRET,
    );
    expect(r1.matches[0].sentence).toBe('the sender signs the timestamp X-Slack-Request-Timestamp in seconds (1700000000) while it sends 1700000000123.');
    const sigOther = 'v0=' + hmac('sha256', `v0:req-42:${body}`).digest('hex');
    const r2 = diagnoseHmacMismatch(
      slack,
      request(body, [
        ['X-Slack-Request-Timestamp', '1700000000'],
        ['X-Request-Id', 'req-42'],
        ['X-Slack-Signature', sigOther],
      ]),
      SECRET,
    );
    expect(r2.matches[0].sentence).toBe(
      'the sender signs header X-Request-Id where the format has {header:X-Slack-Request-Timestamp} (v0:{header:X-Request-Id}:{body}).',
    );
  });

  it('says so when the signature already matches, and finds nothing for a foreign secret', () => {
    const body = 'x';
    const ok = diagnoseHmacMismatch(github, request(body, [['X-Hub-Signature-256', 'sha256=' + hmac('sha256', body).digest('hex')]]), SECRET);
    expect(ok.matchesAsConfigured).toBe(true);
    const foreign = diagnoseHmacMismatch(github, request(body, [['X-Hub-Signature-256', 'sha256=' + hmac('sha256', body, 'other').digest('hex')]]), SECRET);
    expect(foreign).toMatchObject({ matchesAsConfigured: false, matches: [] });
    expect(foreign.tried).toBeGreaterThan(20);
    expect(diagnoseHmacMismatch(github, request(body, []), SECRET).problem).toBe('the request has no header X-Hub-Signature-256');
  });
});

describe('whatIf', () => {
  it('re-evaluates earlier captures as of their arrival, without charging rate limits', async () => {
    const t0 = Date.now() - 3_600_000;
    const body = '{"ref":"refs/heads/main"}';
    const captures = [0, 1, 2].map((i) => ({
      id: `c${i}`,
      receivedAt: t0 + i * 1000,
      method: 'POST',
      url: '/api/v0/launch/t/',
      rawHeaders: [
        ['X-Ts', String(Math.floor((t0 + i * 1000) / 1000))],
        ['X-Sig', hmac('sha256', body).digest('hex')],
      ] as HeaderTuple[],
      body: Buffer.from(i === 2 ? '{"ref":"refs/heads/dev"}' : body),
    }));
    const previous: TriggerLogEntry[] = captures.map((c, i) => ({
      id: `e${i}`,
      at: c.receivedAt,
      triggerId: 't',
      captureId: c.id,
      outcome: i === 0 ? 'launched' : 'rejected',
      conditions: [],
      status: i === 0 ? 200 : 400,
    }));
    const edited: Trigger = {
      id: 't',
      title: 't',
      enabled: true,
      actions: [],
      conditions: [
        { type: 'web-auth', authType: 'hmac', namespace: 'header', key: 'X-Sig', secretKey: '{env:T}', algorithm: 'sha256' },
        { type: 'web-timestamp', namespace: 'header', key: 'X-Ts', tolerance: 5 },
        { type: 'rate-limit', period: 3600, quota: 2 },
      ],
    };
    const rows = await whatIf(edited, captures, previous, { T: SECRET });
    expect(rows.map((r) => [r.before, r.after])).toEqual([
      ['passed', 'passed'],
      ['failed', 'passed'],
      ['failed', 'failed'],
    ]);
    expect(rows[2].failedAt).toMatchObject({ index: 0, type: 'web-auth' });
    expect(rows[2].failedAt!.reason).toMatch(/^HMAC mismatch/);
    // quota 1: the second capture now meets the first one's recorded launch
    const strict = await whatIf({ ...edited, conditions: [{ type: 'rate-limit', period: 3600, quota: 1 }] }, captures, previous, {});
    expect(strict.map((r) => r.after)).toEqual(['passed', 'failed', 'failed']);
  });
});
