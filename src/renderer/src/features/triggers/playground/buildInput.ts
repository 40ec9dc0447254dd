// The playground's form turned into a playground.sign argument.
import type { PlaygroundInput } from '@shared/trigger-log';
import { toBase64, utf8 } from '@shared/triggers/bytes';
import { parseHeaderLines } from './parseHeaders';

export interface PlaygroundForm {
  format: string;
  secretKey: string;
  algorithm: string;
  encoding: 'hex' | 'base64';
  source: 'capture' | 'paste';
  captureId: string;
  method: string;
  url: string;
  headersText: string;
  bodyText: string;
}

export const INITIAL_FORM: PlaygroundForm = {
  format: 'v0:{header:X-Slack-Request-Timestamp}:{body}',
  secretKey: '{env:WEBHOOK_TOKEN}',
  algorithm: 'sha256',
  encoding: 'hex',
  source: 'paste',
  captureId: '',
  method: 'POST',
  url: '/api/v0/launch/slack/',
  headersText: 'Content-Type: application/x-www-form-urlencoded\nX-Slack-Request-Timestamp: 1700000000',
  bodyText: 'token=xyz&command=%2Fpredict&text=hello',
};

/** null while a picked capture is still missing: nothing to sign yet. */
export function buildInput(form: PlaygroundForm): PlaygroundInput | null {
  const base = { format: form.format, secretKey: form.secretKey, algorithm: form.algorithm, encoding: form.encoding };
  if (form.source === 'capture') return form.captureId ? { ...base, request: { captureId: form.captureId } } : null;
  return {
    ...base,
    request: {
      method: form.method || 'POST',
      url: form.url || '/',
      rawHeaders: parseHeaderLines(form.headersText).headers,
      bodyBase64: toBase64(utf8(form.bodyText)),
    },
  };
}
