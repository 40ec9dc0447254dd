// The options `send` and `replay` share: how to sign, whether to track, where data lives.
export const SIGNING_OPTIONS = {
  profile: { type: 'string' },
  hmac: { type: 'string' },
  jwt: { type: 'string' },
  token: { type: 'string' },
  'sig-header': { type: 'string' },
  prefix: { type: 'string' },
  'timestamp-header': { type: 'string' },
  track: { type: 'boolean' },
  'track-timeout': { type: 'string' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;
