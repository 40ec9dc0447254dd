// Zoom: x-zm-signature: v0=<HMAC-SHA256 of v0:{header:x-zm-request-timestamp}:{body}, hex>.
import type { HmacProvider } from './types';

export const zoom = {
  id: 'zoom',
  label: 'Zoom',
  secretHint: 'secret token',
  secretEnv: 'ZOOM_WEBHOOK_SECRET',
  sender: true,
  scheme: 'hmac',
  header: 'x-zm-signature',
  prefix: 'v0=',
  algorithm: 'sha256',
  encoding: 'hex',
  basestring: 'v0:{header:x-zm-request-timestamp}:{body}',
  timestamp: { header: 'x-zm-request-timestamp', toleranceSeconds: 300 },
  trigger: {
    name: 'Zoom-style v0',
    title: 'Zoom-style webhook',
    description:
      'x-zm-signature: v0=<HMAC-SHA256 of "v0:<x-zm-request-timestamp>:<body>">, timestamp checked within 5 minutes. The secret token goes in ZOOM_WEBHOOK_SECRET.',
  },
} as const satisfies HmacProvider<'zoom'>;
