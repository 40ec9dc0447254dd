// `npm start`: the desktop app when Electron can run here, else the same engine and UI headless
// in the browser, on the data dir the desktop app uses — never a bare stack trace.
//   1. finds the Electron binary (scripts/electron-binary.cjs, shared with the e2e test);
//   2. when it is missing, downloads it once with Electron's own installer, showing progress;
//   3. runs `electron-vite preview` (build + window) with that binary;
//   4. when there is no binary (offline, blocked, unsupported platform) or no display, says what
//      failed and how to fix it, then runs `hookbench serve` on the desktop app's data dir.
// `npm start -- --headless [serve options]` skips straight to 4; `npm run dev` (--dev) does 1–3
// with `electron-vite dev` and, without a binary, stops after saying why.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadElectron } from './electron-download.mjs';

const require = createRequire(import.meta.url);
const { findElectronBinary } = require('./electron-binary.cjs');
const { desktopDataDir } = require('./desktop-data-dir.cjs');
const { requiredNodeRange, satisfies } = require('./node-version.cjs');

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const say = (line = '') => process.stdout.write(`${line}\n`);

function nodeProblem() {
  const range = requiredNodeRange(ROOT);
  if (satisfies(process.versions.node, range)) return null;
  const line = readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim();
  return `Node ${process.versions.node} does not meet this project's requirement (${range}; .nvmrc: ${line}); Electron's installer needs 22.12+. Fix: \`nvm install ${line}\` (or fnm, volta, your package manager), then \`npm install\` again.`;
}

function noDisplay() {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return null;
  return 'no display: $DISPLAY and $WAYLAND_DISPLAY are unset, so no window can open here';
}

/** `electron-vite preview` (builds main, preload and renderer, then opens the window) or `dev`. */
function runDesktop(binaryPath, command) {
  const cli = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const extraEnv = { ELECTRON_EXEC_PATH: binaryPath };
  // Chromium refuses to run as root with its OS sandbox (containers, some dev VMs)
  if (process.platform === 'linux' && process.getuid?.() === 0) {
    say('Running as root: starting Electron with --no-sandbox.');
    extraEnv.NO_SANDBOX = '1';
  }
  return run(process.execPath, [cli, command], extraEnv);
}

/** The bundled CLI (package.json `bin`) when it is built, else the TypeScript source via tsx. */
function headlessCli() {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.hookbench;
  if (bin && existsSync(join(ROOT, bin))) return [join(ROOT, bin)];
  // tsx as a loader in this one process (not its CLI, which adds a process relaying signals)
  return ['--import', 'tsx', join(ROOT, 'src', 'main', 'cli', 'main.ts')];
}

async function runHeadless(extraArgs) {
  if (!existsSync(join(ROOT, 'out', 'web', 'index.html'))) {
    say('Building the web UI (out/web)…');
    const code = await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build:web'], {}, { shell: process.platform === 'win32' });
    if (code !== 0) return code;
  }
  const args = [...headlessCli(), 'serve', '--data-dir', desktopDataDir()];
  if (process.env.HOOKBENCH_RECEIVER_PORT) args.push('--port', process.env.HOOKBENCH_RECEIVER_PORT);
  if (process.env.HOOKBENCH_CONTROL_PORT) args.push('--control-port', process.env.HOOKBENCH_CONTROL_PORT);
  if (process.env.BROWSER !== 'none') args.push('--open');
  const code = await run(process.execPath, [...args, ...extraArgs]);
  if (code !== 0) say(`hookbench: headless mode exited with code ${code}.`);
  return code;
}

/** Runs a child with our stdio, passes Ctrl+C / SIGTERM on to it, resolves with its exit code. */
function run(command, args, extraEnv = {}, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...extraEnv }, ...options });
    const forward = (signal) => child.kill(signal);
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const s of signals) process.on(s, forward);
    child.on('error', (err) => {
      say(`hookbench: cannot run ${command}: ${err.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      for (const s of signals) process.off(s, forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function main() {
  const args = process.argv.slice(2);
  const headlessAsked = args[0] === '--headless';
  const dev = args[0] === '--dev'; // npm run dev: electron-vite dev (hot reload), no headless fallback
  const node = nodeProblem();
  if (node) say(`hookbench: warning: ${node}`);
  if (headlessAsked) return runHeadless(args.slice(1));

  let binary = findElectronBinary({ root: ROOT });
  let failure = null;
  if ('missing' in binary && binary.version) {
    say(`Electron ${binary.version} is not downloaded yet; fetching it once with Electron's installer`);
    say(`(about 100 MB; kept in Electron's download cache and unpacked into node_modules/electron/dist)…`);
    const why = await downloadElectron({ root: ROOT });
    if (why) failure = `downloading Electron ${binary.version} failed: ${why}`;
    binary = findElectronBinary({ root: ROOT });
    if ('missing' in binary && !failure) failure = binary.missing;
  } else if ('missing' in binary) {
    failure = binary.missing;
  }
  if ('path' in binary) {
    const display = noDisplay();
    if (!display) return runDesktop(binary.path, dev ? 'dev' : 'preview');
    failure = display;
  }

  say('');
  say(`hookbench: the desktop app cannot start: ${failure}.`);
  if (failure === noDisplay()) {
    say(`  To get the desktop window: run \`npm ${dev ? 'run dev' : 'start'}\` from a desktop session (or over ssh -X / a VNC session).`);
  } else {
    say(`  To get the desktop window: download the Electron binary with \`npx install-electron\`, then \`npm ${dev ? 'run dev' : 'start'}\` again.`);
    say('  Behind a proxy: set HTTPS_PROXY and ELECTRON_GET_USE_PROXY=1. Where GitHub downloads are blocked:');
    say('  set ELECTRON_MIRROR to a mirror of Electron releases (ELECTRON_CUSTOM_DIR if its folder layout differs).');
    say(`  ${node ?? `Node ${process.versions.node} is fine (${requiredNodeRange(ROOT)}).`}`);
  }
  if (dev) {
    say('The same UI without Electron: `npm start -- --headless` (after `npm run build:web` for renderer changes).');
    return 1;
  }
  say("Starting headless mode instead: the same engine and UI, in your browser, on the desktop app's data.");
  say('');
  return runHeadless(args);
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error('hookbench: npm start failed:', err);
    process.exit(1);
  },
);
