// `hookbench serve`: the engine plus the control server (web UI + API) until Ctrl+C.
import type { SettingsPatch } from '@shared/settings';
import { DEFAULT_CONTROL_PORT } from '@shared/settings';
import { startControlServer, type ControlServer } from '../../transport/web/server';
import type { Engine } from '../../engine/ports';
import { parseOptions, portOption } from '../args';
import { resolve } from 'node:path';
import { CliError, type Command, oneLine, USAGE_EXIT_CODE } from '../command';
import { removeControlFile, writeControlFile } from '../control-file';
import { watchConfig } from '../serve/watch-config';
import { defaultDataDir, prepareDataDir } from '../serve/data-dir';
import { loadConfig } from '../serve/load-config';
import { openBrowser } from '../serve/open-browser';
import { findWebBuild } from '../serve/web-build';
import { errorMessage } from '@shared/error-message';
import { parseDurability, type Durability } from '../../engine/store/durability';

const usage = `Usage: hookbench serve [options]

Runs the receiver and the web UI without Electron.

Options:
  --config FILE        load a workspace file (hookbench.json, version 1 or 2: env, triggers,
                       project, notifications, signingProfiles, settings)
  --watch              with --config: reload the file when it is saved; a broken file is
                       reported with its JSON path and line:column and the last good one stays
  --data-dir DIR       where captures and the workspace live
                       (default: $HOOKBENCH_DATA_DIR or ~/.hookbench/data)
  --port N             receiver port (default: the saved setting, 7780); 0 picks a free one
  --host H             receiver interface (default: the saved setting, 127.0.0.1)
  --control-port N     web UI / control API port on 127.0.0.1 (default ${DEFAULT_CONTROL_PORT}); 0 picks a free one
  --durability LEVEL   process-kill (default: an answered request survives kill -9 or a crash)
                       or power-loss (fsync before answering: also survives a power loss,
                       at a large throughput cost); also $HOOKBENCH_DURABILITY
  --open               open the web UI in the default browser
  -h, --help           show this help

Exit codes:
  0  stopped by Ctrl+C / SIGTERM
  1  could not start (a busy port, a data dir in use or not writable, a broken --config)
     or could not stop cleanly
  2  usage error`;

const options = {
  config: { type: 'string' },
  watch: { type: 'boolean' },
  'data-dir': { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'control-port': { type: 'string' },
  durability: { type: 'string' },
  open: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function run(argv: string[]): Promise<number> {
  const opts = parseOptions(argv, options);
  if (opts.help) {
    console.log(usage);
    return 0;
  }
  if (opts.watch && !opts.config) throw new CliError('--watch needs --config FILE', USAGE_EXIT_CODE);
  const receiverPort = portOption(opts.port, '--port');
  const controlPort = portOption(opts['control-port'], '--control-port') ?? DEFAULT_CONTROL_PORT;
  let durability: Durability;
  try {
    durability =
      opts.durability !== undefined
        ? parseDurability(opts.durability, '--durability')
        : parseDurability(process.env.HOOKBENCH_DURABILITY, '$HOOKBENCH_DURABILITY');
  } catch (error) {
    throw new CliError(errorMessage(error));
  }
  const staticDir = findWebBuild();
  const dataDir = await prepareDataDir(opts['data-dir'] ?? defaultDataDir());
  const workspace = opts.config ? await loadConfig(opts.config) : undefined;

  const receiver: NonNullable<SettingsPatch['receiver']> = {};
  if (receiverPort !== undefined) receiver.port = receiverPort;
  if (opts.host !== undefined) receiver.host = opts.host;
  // loaded only now: --help and the checks above stay fast and need no engine
  const { createEngine } = await import('../../engine/engine');
  const engine = createEngine({
    dataDir,
    mode: 'headless',
    settingsOverride: Object.keys(receiver).length > 0 ? { receiver } : undefined,
    workspace,
    durability,
  });

  await startEngine(engine);
  let control: ControlServer;
  try {
    control = await startControlServer({ engine, host: '127.0.0.1', port: controlPort, staticDir });
  } catch (err) {
    await engine.stop().catch(() => {});
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new CliError(`control port ${controlPort} is busy; pick another with --control-port N (0 = any free port)`);
    }
    throw new CliError(`cannot start the control server: ${errorMessage(err)}`);
  }

  const info = engine.info();
  // local CLI commands (captures, runs, log, replay…) find this serve through this 0600 file
  await writeControlFile(dataDir, { url: `http://127.0.0.1:${control.port}`, token: control.token, pid: process.pid, receiverUrl: info.receiverUrl });
  const watcher =
    opts.watch && opts.config
      ? watchConfig(
          resolve(opts.config),
          engine,
          (line) => console.log(line),
          (line) => console.error(line),
        )
      : null;
  console.log(`Hookbench ${info.version} (headless)`);
  console.log(`Receiver: ${info.receiverUrl}`);
  console.log(`UI:       ${control.url}`);
  console.log(`Data:     ${info.dataDir}`);
  if (durability === 'power-loss') console.log("Durability: power-loss (every answered request is fsync'ed first)");
  if (!/^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/.test(new URL(info.receiverUrl).hostname)) {
    console.log('Warning:  the receiver is reachable from your network, and so is every request it keeps.');
  }
  console.log('Press Ctrl+C to stop.');
  if (opts.open) openBrowser(control.url);

  return waitForShutdown(async () => {
    watcher?.close();
    await removeControlFile(dataDir);
    await control.close();
    await engine.stop();
  });
}

async function startEngine(engine: Engine): Promise<void> {
  let failure: string | null = null;
  try {
    await engine.start();
  } catch (err) {
    failure = errorMessage(err);
  }
  // headless mode has no window to show a receiver failure in: it is fatal here
  const receiverError = engine.info().receiverError;
  if (failure === null && receiverError === null) return;
  await engine.stop().catch(() => {});
  if (receiverError) throw new CliError(`the receiver cannot start: ${oneLine(receiverError)} (choose another with --port N, 0 = any free port)`);
  throw new CliError(oneLine(failure ?? 'the engine did not start'));
}

/**
 * One Ctrl+C often arrives as several signals within milliseconds: the terminal signals the
 * whole process group, and npm, `npm start` and tsx each pass it on as well. Copies within
 * this window of the first are the same request; a signal after it means "stop now".
 */
const REPEATED_SIGNAL_WINDOW_MS = 1000;

/** Resolves with the exit code after SIGINT/SIGTERM; a later, separate signal exits at once. */
function waitForShutdown(stop: () => Promise<void>): Promise<number> {
  return new Promise((resolvePromise) => {
    let stoppingSince: number | null = null;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stoppingSince !== null) {
        if (Date.now() - stoppingSince < REPEATED_SIGNAL_WINDOW_MS) return;
        process.exit(1);
      }
      stoppingSince = Date.now();
      console.log(`\n${signal}: stopping…`);
      stop().then(
        () => resolvePromise(0),
        (err: unknown) => {
          console.error(`hookbench: stop failed: ${oneLine(String(err))}`);
          resolvePromise(1);
        },
      );
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the receiver and the web UI (headless mode)',
  usage,
  run,
};
