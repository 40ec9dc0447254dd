// A stored capture as the trigger code sees requests: method, url, raw headers, body bytes.
import type { CaptureStore } from '../ports';
import type { WhatIfCapture } from '../triggers';

export async function loadCaptureView(captures: CaptureStore, id: string): Promise<WhatIfCapture | null> {
  const detail = await captures.get(id, 0);
  if (!detail) return null;
  const body = await captures.readBody(id);
  return {
    id: detail.id,
    receivedAt: detail.receivedAt,
    method: detail.method,
    url: detail.url,
    rawHeaders: detail.rawHeaders,
    body: body ?? new Uint8Array(),
  };
}
