// "Is the Electron binary there?" — the one answer used by `npm start` (scripts/start.mjs) and
// the Electron end-to-end test (test/electron/electron-binary.ts). It never require()s
// 'electron': that module downloads the binary as a side effect. It follows the same rules as
// electron-vite, which runs the app: $ELECTRON_EXEC_PATH if set, else
// node_modules/electron/path.txt naming a file under node_modules/electron/dist
// ($ELECTRON_OVERRIDE_DIST_PATH instead of dist, as electron's own index.js does).
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const ROOT = join(__dirname, '..');

/**
 * @param {{ root?: string, env?: NodeJS.ProcessEnv }} [options]
 * @returns {{ path: string, version: string } | { missing: string, version: string | null }}
 */
function findElectronBinary(options = {}) {
  const root = options.root ?? ROOT;
  const env = options.env ?? process.env;
  let packageJson;
  try {
    packageJson = require.resolve('electron/package.json', { paths: [root] });
  } catch {
    return { missing: 'the electron package is not installed (run `npm install`)', version: null };
  }
  const version = JSON.parse(readFileSync(packageJson, 'utf8')).version;
  if (env.ELECTRON_EXEC_PATH) {
    return existsSync(env.ELECTRON_EXEC_PATH)
      ? { path: env.ELECTRON_EXEC_PATH, version }
      : { missing: `$ELECTRON_EXEC_PATH (${env.ELECTRON_EXEC_PATH}) does not exist`, version };
  }
  const dir = dirname(packageJson);
  const pathTxt = join(dir, 'path.txt');
  if (!existsSync(pathTxt)) return { missing: `${pathTxt} does not exist (the binary was never downloaded)`, version };
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || join(dir, 'dist');
  const binary = join(distDir, readFileSync(pathTxt, 'utf8').trim());
  if (!existsSync(binary)) return { missing: `${binary} does not exist`, version };
  return { path: binary, version };
}

module.exports = { findElectronBinary };
