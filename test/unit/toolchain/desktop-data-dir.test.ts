// The headless fallback of `npm start` must use the folder the desktop app uses:
// join(app.getPath('userData'), 'data'), userData being <appData>/<package name>.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_NAME, desktopDataDir } from '../../../scripts/desktop-data-dir.cjs';

const ROOT = resolve(__dirname, '../../..');

describe('desktopDataDir', () => {
  it('names the app as Electron does: package.json name, there being no productName', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; productName?: string };
    expect(pkg.productName).toBeUndefined();
    expect(APP_NAME).toBe(pkg.name);
    // and main keeps its data in <userData>/data
    expect(readFileSync(join(ROOT, 'src/main/index.ts'), 'utf8')).toContain("dataDir: join(app.getPath('userData'), 'data')");
  });

  it("follows Electron's appData per platform", () => {
    expect(desktopDataDir({ platform: 'linux', home: '/home/u', env: {} })).toBe('/home/u/.config/hookbench/data');
    expect(desktopDataDir({ platform: 'linux', home: '/home/u', env: { XDG_CONFIG_HOME: '/x/cfg' } })).toBe('/x/cfg/hookbench/data');
    expect(desktopDataDir({ platform: 'darwin', home: '/Users/u', env: {} })).toBe('/Users/u/Library/Application Support/hookbench/data');
    expect(desktopDataDir({ platform: 'win32', home: 'C:\\Users\\u', env: { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' } })).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\hookbench\\data',
    );
  });

  it('honours HOOKBENCH_USER_DATA_DIR like the desktop main process', () => {
    expect(desktopDataDir({ platform: 'linux', home: '/home/u', env: { HOOKBENCH_USER_DATA_DIR: '/tmp/ud' } })).toBe('/tmp/ud/data');
  });
});
