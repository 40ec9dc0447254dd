// npm start shows one line for a failed Electron download: the URL and cause, or the
// installer's error message, never a source excerpt or a stack frame.
import { describe, expect, it } from 'vitest';
import { summariseInstallerOutput } from '../../../scripts/electron-download.mjs';

describe('summariseInstallerOutput', () => {
  it('names the URL and the cause of a failed request', () => {
    const output = [
      'Electron download: GET https://example.test/v45.4.1/electron-v45.4.1-linux-x64.zip: getaddrinfo ENOTFOUND example.test',
      'TypeError: fetch failed',
      '    at node:internal/deps/undici/undici:15456:13',
    ].join('\n');
    expect(summariseInstallerOutput(output)).toBe('GET https://example.test/v45.4.1/electron-v45.4.1-linux-x64.zip: getaddrinfo ENOTFOUND example.test');
  });

  it('gives the thrown message for an unsupported platform, not the source line Node prints above it', () => {
    const output = [
      '/repo/node_modules/electron/install.js:132',
      "      throw new Error('Electron builds are not available on platform: ' + platform);",
      '      ^',
      '',
      'Error: Electron builds are not available on platform: aix',
      '    at getPlatformPath (/repo/node_modules/electron/install.js:132:13)',
      '',
      'Node.js v22.23.5',
    ].join('\n');
    expect(summariseInstallerOutput(output)).toBe('Electron builds are not available on platform: aix');
  });

  it('keeps the error class of an HTTP failure from a mirror', () => {
    const output =
      'HTTPError: Response code 404 (Not Found) for http://127.0.0.1:1234/v45.4.1/electron-v45.4.1-linux-x64.zip\n    at FetchDownloader.download (file:///x.js:1:1)\n';
    expect(summariseInstallerOutput(output)).toBe('HTTPError: Response code 404 (Not Found) for http://127.0.0.1:1234/v45.4.1/electron-v45.4.1-linux-x64.zip');
  });

  it('says nothing when there is nothing', () => {
    expect(summariseInstallerOutput('\n\n')).toBeNull();
  });
});
