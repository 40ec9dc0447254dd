// The workspace file: validation errors carry JSON paths; syntax errors line/column; export redacts.
import { describe, expect, it } from 'vitest';
import { exportWorkspace, parseWorkspaceJson, validateWorkspace, WorkspaceSyntaxError, WorkspaceValidationError } from '@shared/triggers/workspace';
import { ApiError } from '@shared/contract';
import { jsonErrorOffset } from '@shared/json-position';

const valid = () => ({
  version: 1,
  env: [
    { name: 'WEBHOOK_TOKEN', value: 's3cret-value', secret: true },
    { name: 'PUBLIC', value: 'visible', secret: false },
  ],
  triggers: [
    {
      id: 'slack-predict',
      title: 'Slack /predict',
      enabled: true,
      conditions: [
        {
          type: 'web-auth',
          authType: 'hmac',
          namespace: 'header',
          key: 'X-Slack-Signature',
          prefix: 'v0=',
          secretKey: '{env:WEBHOOK_TOKEN}',
          algorithm: 'sha256',
          hmacFormat: 'v0:{header:X-Slack-Request-Timestamp}:{body}',
          encoding: 'hex',
        },
        { type: 'web-timestamp', namespace: 'header', key: 'X-Slack-Request-Timestamp', tolerance: 300 },
        { type: 'rate-limit', period: 3600, quota: 10 },
        { type: 'payload-filter', namespace: 'json', key: 'ref', operator: 'in', value: ['a', 'b'] },
        { type: 'web-auth', authType: 'static', namespace: 'query', key: 'token', secretKey: 'literal-secret' },
      ],
      actions: [
        { type: 'web-response-json', json: { run: { id: '{run_id}' } } },
        { type: 'run-execution', step: 'Batch feature extraction', payloadInputName: 'dataset' },
        { type: 'run-pipeline', pipeline: 'train', payloadInputName: 'preprocess.dataset' },
      ],
    },
  ],
});

function errorOf(fn: () => unknown): WorkspaceValidationError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(WorkspaceValidationError);
    expect(err).toBeInstanceOf(ApiError);
    return err as WorkspaceValidationError;
  }
  throw new Error('expected a validation error');
}

describe('validateWorkspace', () => {
  it('accepts the documented shape and round-trips it without loss', () => {
    const ws = validateWorkspace(valid());
    expect(ws).toEqual(valid());
    // exports are version 2 files with the same env and triggers
    expect(validateWorkspace(JSON.parse(exportWorkspace(ws, { includeSecrets: true })))).toMatchObject({ version: 2, env: ws.env, triggers: ws.triggers });
  });

  const broken: [string, (w: ReturnType<typeof valid>) => void, string][] = [
    [
      'bad hmac algorithm',
      (w) => {
        (w.triggers[0].conditions[0] as Record<string, unknown>).algorithm = 'sha3';
      },
      'triggers[0].conditions[0].algorithm: must be one of sha1, sha256, sha512, sha224, sha384, md5, got "sha3"',
    ],
    [
      'unknown field',
      (w) => {
        (w.triggers[0].conditions[1] as Record<string, unknown>).tolerence = 5;
      },
      'triggers[0].conditions[1].tolerence: unknown field (allowed: type, namespace, key, prefix, tolerance, unit)',
    ],
    [
      'jwt without algorithm',
      (w) => {
        w.triggers[0].conditions[4] = { type: 'web-auth', authType: 'jwt', namespace: 'header', key: 'A', secretKey: 'x' } as never;
      },
      'triggers[0].conditions[4].algorithm: is required (one of HS256, HS384, HS512, RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, EdDSA)',
    ],
    [
      'bad id',
      (w) => {
        w.triggers[0].id = 'has space';
      },
      'triggers[0].id: must be 1–64 characters of A-Z, a-z, 0-9, _ and -',
    ],
    [
      'duplicate id',
      (w) => {
        w.triggers.push({ ...w.triggers[0] });
      },
      'triggers[1].id: duplicate trigger id "slack-predict"',
    ],
    [
      'in needs a list',
      (w) => {
        (w.triggers[0].conditions[3] as Record<string, unknown>).value = 'a';
      },
      'triggers[0].conditions[3].value: must be an array, got a string',
    ],
    [
      'negative quota',
      (w) => {
        (w.triggers[0].conditions[2] as Record<string, unknown>).quota = -1;
      },
      'triggers[0].conditions[2].quota: must be at least 0',
    ],
    [
      'unknown condition type',
      (w) => {
        (w.triggers[0].conditions[2] as Record<string, unknown>).type = 'ip-allow';
      },
      'triggers[0].conditions[2].type: must be one of web-auth, web-timestamp, rate-limit, payload-filter, got "ip-allow"',
    ],
    [
      'pipeline input',
      (w) => {
        (w.triggers[0].actions[2] as Record<string, unknown>).payloadInputName = 'dataset';
      },
      'triggers[0].actions[2].payloadInputName: must be "node.input" for pipelines',
    ],
    [
      'env field',
      (w) => {
        (w.env[0] as Record<string, unknown>).secrt = true;
      },
      'env[0].secrt: unknown field (allowed: name, value, secret)',
    ],
    [
      'top-level field',
      (w) => {
        (w as Record<string, unknown>).extra = 1;
      },
      'extra: unknown field (allowed: version, env, triggers)',
    ],
    [
      'version',
      (w) => {
        (w as Record<string, unknown>).version = 3;
      },
      'version: must be one of 1, 2, got 3',
    ],
  ];
  for (const [name, breakIt, message] of broken) {
    it(`reports ${name} with its path`, () => {
      const w = valid();
      breakIt(w);
      const err = errorOf(() => validateWorkspace(w));
      expect(err.message).toBe(message);
      expect(err.path).toBe(message.split(':')[0]);
      expect(err.code).toBe('invalid');
    });
  }

  it('generates a UUID id when absent and fills defaults', () => {
    const ws = validateWorkspace({ version: 1, triggers: [{ title: 'x' }] });
    expect(ws.triggers[0].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ws.triggers[0]).toMatchObject({ enabled: true, conditions: [], actions: [] });
    expect(ws.env).toEqual([]);
  });
});

describe('parseWorkspaceJson', () => {
  it('gives line and column for syntax errors', () => {
    const text = '{\n  "version": 1,\n  "triggers": [,]\n}';
    const err = errorOf(() => parseWorkspaceJson(text)) as WorkspaceSyntaxError;
    expect(err).toBeInstanceOf(WorkspaceSyntaxError);
    expect([err.line, err.column]).toEqual([3, 16]);
    expect(err.message).toMatch(/^invalid JSON at line 3, column 16: /);
  });
  it('the error locator agrees with JSON.parse on valid vs invalid, over many mutated documents', () => {
    const base = JSON.stringify(valid(), null, 2);
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const alphabet = '{}[],:"\\ 0-1eE.tfn\nx\u0001';
    for (let k = 0; k < 2000; k++) {
      const at = rnd(base.length);
      const text = rnd(2) ? base.slice(0, at) + alphabet[rnd(alphabet.length)] + base.slice(at + rnd(3)) : base.slice(0, at);
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
      }
      expect(jsonErrorOffset(text) === -1, text.slice(Math.max(0, at - 20), at + 20)).toBe(parses);
    }
  });

  it('validates after parsing', () => {
    expect(errorOf(() => parseWorkspaceJson('{"version":1,"triggers":[{"id":"x","conditions":{}}]}')).message).toBe(
      'triggers[0].conditions: must be an array, got an object (line 1, column 49)',
    );
  });
});

describe('exportWorkspace', () => {
  it('redacts secret env values and literal secret keys unless asked; keeps references and public values', () => {
    const ws = validateWorkspace(valid());
    const out = exportWorkspace(ws);
    expect(out).not.toContain('s3cret-value');
    expect(out).not.toContain('literal-secret');
    const back = validateWorkspace(JSON.parse(out));
    expect(back.env).toEqual([
      { name: 'WEBHOOK_TOKEN', value: '', secret: true },
      { name: 'PUBLIC', value: 'visible', secret: false },
    ]);
    expect(back.triggers[0].conditions[0]).toMatchObject({ secretKey: '{env:WEBHOOK_TOKEN}' });
    expect(exportWorkspace(ws, { includeSecrets: true })).toContain('s3cret-value');
  });
});
