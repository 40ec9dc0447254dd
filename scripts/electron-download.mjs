// Runs Electron's own installer (node_modules/electron/install.js: @electron/get, which honours
// ELECTRON_MIRROR, ELECTRON_CUSTOM_DIR, electron_config_cache, ELECTRON_GET_USE_PROXY and
// HTTPS_PROXY, and verifies the zip against electron's checksums) with a progress reporter
// preloaded. Resolves with null on success, else with one line saying why (the installer's
// stack trace is not shown: the line names the URL and the cause).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PROGRESS = pathToFileURL(fileURLToPath(new URL('./electron-download-progress.mjs', import.meta.url))).href;

/** @returns {Promise<string | null>} why the download failed, or null when it worked */
export function downloadElectron({ root = ROOT, env = process.env } = {}) {
  const installer = join(dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json')), 'install.js');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', PROGRESS, installer], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output = (output + chunk).slice(-8192);
    });
    child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-8192)));
    child.on('error', (err) => resolve(`cannot run ${installer}: ${err.message}`));
    child.on('exit', (code, signal) => {
      if (code === 0) return resolve(null);
      resolve(summariseInstallerOutput(output) ?? `the installer exited with ${signal ?? code}`);
    });
  });
}

/**
 * The one line that says why the installer failed: our progress reporter's "GET <url>: <cause>",
 * else the thrown error's message line ("Error: …", "HTTPError: …"), else any line naming an
 * error, else the last line. Stack frames and the source excerpt Node prints are skipped.
 * @param {string} output the installer's stdout and stderr
 * @returns {string | null}
 */
export function summariseInstallerOutput(output) {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('at ') && !/^\^+$/.test(l));
  const fetchFailure = lines.find((l) => l.startsWith('Electron download: '));
  if (fetchFailure) return fetchFailure.slice('Electron download: '.length);
  const thrown = lines.find((l) => /^[A-Za-z]*Error: /.test(l));
  if (thrown) return thrown.replace(/^Error: /, '');
  return lines.find((l) => /error/i.test(l)) ?? lines.at(-1) ?? null;
}
