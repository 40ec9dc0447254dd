import { describe, expect, it } from 'vitest';
import { appLocation, isAppUrl, isExternalWebUrl } from '../../../src/main/electron/app-urls';

describe('what counts as the app renderer', () => {
  const built = appLocation('/opt/hookbench/out/renderer/index.html', undefined);
  const dev = appLocation('/opt/hookbench/out/renderer/index.html', 'http://localhost:5173');

  it('accepts the built index.html with any hash or query', () => {
    expect(isAppUrl(built, 'file:///opt/hookbench/out/renderer/index.html')).toBe(true);
    expect(isAppUrl(built, 'file:///opt/hookbench/out/renderer/index.html?x=1#/settings')).toBe(true);
  });

  it('refuses other files, web pages and junk', () => {
    expect(isAppUrl(built, 'file:///opt/hookbench/out/renderer/other.html')).toBe(false);
    expect(isAppUrl(built, 'file:///etc/passwd')).toBe(false);
    expect(isAppUrl(built, 'http://localhost:5173/')).toBe(false);
    expect(isAppUrl(built, '')).toBe(false);
    expect(isAppUrl(built, 'not a url')).toBe(false);
  });

  it('accepts the dev server origin only in dev mode', () => {
    expect(isAppUrl(dev, 'http://localhost:5173/#/inbox')).toBe(true);
    expect(isAppUrl(dev, 'http://localhost:5174/')).toBe(false);
    expect(isAppUrl(dev, 'http://evil.example/')).toBe(false);
  });

  it('opens only http(s) links externally', () => {
    expect(isExternalWebUrl('https://valohai.com/docs')).toBe(true);
    expect(isExternalWebUrl('http://example.com')).toBe(true);
    expect(isExternalWebUrl('file:///etc/passwd')).toBe(false);
    expect(isExternalWebUrl('javascript:alert(1)')).toBe(false);
    expect(isExternalWebUrl('smb://host/share')).toBe(false);
  });
});
