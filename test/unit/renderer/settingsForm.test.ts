import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@shared/settings';
import { draftToPatch, fieldForPath, isLoopbackHost, toDraft, validateDraft } from '../../../src/renderer/src/features/settings/settingsForm';
import { parseSize, sizeToInput } from '../../../src/renderer/src/features/settings/sizeInput';
import { resolveTheme } from '../../../src/renderer/src/app/themeSync';

describe('size input', () => {
  it('parses bytes and 1024-based units', () => {
    expect(parseSize('1048576')).toBe(1048576);
    expect(parseSize('25 MB')).toBe(25 * 1024 ** 2);
    expect(parseSize('1.5gb')).toBe(1.5 * 1024 ** 3);
    expect(parseSize('512 KiB')).toBe(512 * 1024);
    expect(parseSize('ten')).toBeNull();
    expect(parseSize('5 parsecs')).toBeNull();
  });
  it('writes sizes in the largest exact unit', () => {
    expect(sizeToInput(25 * 1024 ** 2)).toBe('25 MB');
    expect(sizeToInput(2 * 1024 ** 3)).toBe('2 GB');
    expect(sizeToInput(1000)).toBe('1000');
    expect(parseSize(sizeToInput(123_456_789))).toBe(123_456_789);
  });
});

describe('settings form', () => {
  const draft = toDraft(DEFAULT_SETTINGS);

  it('round-trips the defaults with no errors and an empty patch', () => {
    expect(validateDraft(draft)).toEqual({});
    expect(draftToPatch(draft, DEFAULT_SETTINGS)).toEqual({});
  });

  it('flags each invalid field', () => {
    const errors = validateDraft({
      ...draft,
      host: 'http://x/',
      port: '70000',
      maxConnections: '0',
      bodyLimit: 'lots',
      maxCaptures: '0',
      maxBytes: '',
      status: '42',
      contentType: ' ',
    });
    expect(Object.keys(errors).sort()).toEqual(['bodyLimit', 'contentType', 'host', 'maxBytes', 'maxCaptures', 'maxConnections', 'port', 'status']);
  });

  it('sends only what changed, one level deep', () => {
    const patch = draftToPatch({ ...draft, port: '8080', maxConnections: '64', bodyLimit: '1 MB', status: '202', body: '{"ok":true}' }, DEFAULT_SETTINGS);
    expect(patch).toEqual({ receiver: { port: 8080, maxConnections: 64 }, bodyLimitBytes: 1024 ** 2, inboxResponse: { status: 202, body: '{"ok":true}' } });
  });

  it('knows which hosts stay on this machine', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
  });

  it('maps engine error paths to inputs', () => {
    expect(fieldForPath('receiver.port')).toBe('port');
    expect(fieldForPath('/retention/maxBytes')).toBe('maxBytes');
    expect(fieldForPath('$.inboxResponse.status')).toBe('status');
    expect(fieldForPath('theme')).toBeNull();
    expect(fieldForPath(undefined)).toBeNull();
  });
});

describe('resolveTheme', () => {
  it('follows the OS unless the setting overrides it', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});
