// Where the desktop app keeps its data: Electron's userData for this app plus /data (see
// src/main/index.ts: join(app.getPath('userData'), 'data')), worked out without Electron so
// the headless fallback of `npm start` uses the very same folder. userData is appData/<name>
// (package.json has no productName, so <name> is "hookbench"), appData being
// $XDG_CONFIG_HOME or ~/.config on Linux, ~/Library/Application Support on macOS and
// %APPDATA% on Windows; $HOOKBENCH_USER_DATA_DIR replaces userData, as it does in the app.
'use strict';
const { homedir } = require('node:os');
const path = require('node:path');

const APP_NAME = 'hookbench';

/**
 * @param {{ env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform, home?: string }} [options]
 * @returns {string}
 */
function desktopDataDir(options = {}) {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const home = options.home ?? homedir();
  const p = platform === 'win32' ? path.win32 : path.posix;
  if (env.HOOKBENCH_USER_DATA_DIR) return p.join(env.HOOKBENCH_USER_DATA_DIR, 'data');
  let appData;
  if (platform === 'darwin') appData = p.join(home, 'Library', 'Application Support');
  else if (platform === 'win32') appData = env.APPDATA || p.join(home, 'AppData', 'Roaming');
  else appData = env.XDG_CONFIG_HOME || p.join(home, '.config');
  return p.join(appData, APP_NAME, 'data');
}

module.exports = { desktopDataDir, APP_NAME };
