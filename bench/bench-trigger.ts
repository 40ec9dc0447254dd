// The trigger the bench launches: one HMAC condition (GitHub style, sha256 of the body, hex
// with a "sha256=" prefix), so the trigger path is compared with a bare server doing the same.
import { createHmac } from 'node:crypto';
import type { WorkspaceFile } from '@shared/trigger';

export const BENCH_HMAC = { triggerId: 'bench-hmac', secret: 'bench-secret-0123456789', header: 'X-Hub-Signature-256', prefix: 'sha256=' };

export function benchWorkspace(): WorkspaceFile {
  return {
    version: 1,
    env: [],
    triggers: [
      {
        id: BENCH_HMAC.triggerId,
        title: 'Bench HMAC',
        enabled: true,
        conditions: [
          {
            type: 'web-auth',
            authType: 'hmac',
            namespace: 'header',
            key: BENCH_HMAC.header,
            prefix: BENCH_HMAC.prefix,
            secretKey: BENCH_HMAC.secret,
            algorithm: 'sha256',
            encoding: 'hex',
          },
        ],
        actions: [],
      },
    ],
  };
}

export function benchSignature(body: string): string {
  return BENCH_HMAC.prefix + createHmac('sha256', BENCH_HMAC.secret).update(body).digest('hex');
}
