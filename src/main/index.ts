// Electron main: creates the engine, wires the contract to IPC and owns the window and the
// OS integrations. Everything else lives in the engine, which knows nothing of Electron.
import { app, dialog, ipcMain, shell } from 'electron';
import { join } from 'node:path';
import { IPC_EVENT_CHANNEL } from '@shared/contract';
import { createEngine } from './engine/engine';
import { parseDurability } from './engine/store/durability';
import type { Engine } from './engine/ports';
import { appLocation, isAppUrl } from './electron/app-urls';
import { installAppMenu } from './electron/menu';
import { registerIpcHandlers } from './transport/ipc/register-ipc';
import { safeStorageCodec } from './electron/secret-codec';
import { createMainWindow, denyPermissions, installCspHeader } from './electron/window';
import { errorMessage } from '@shared/error-message';

const preload = join(__dirname, '../preload/index.js');
const rendererIndex = join(__dirname, '../renderer/index.html');
const icon = join(__dirname, '../../resources/icon.png');
const location = appLocation(rendererIndex, process.env.ELECTRON_RENDERER_URL);

let engine: Engine | null = null;

// For end-to-end tests: a throwaway profile and a free receiver port, so a test run never
// touches the user's data or collides with a running Hookbench.
if (process.env.HOOKBENCH_USER_DATA_DIR) app.setPath('userData', process.env.HOOKBENCH_USER_DATA_DIR);
const receiverPortOverride = process.env.HOOKBENCH_RECEIVER_PORT;

async function main(): Promise<void> {
  await app.whenReady();
  const created = createEngine({
    dataDir: join(app.getPath('userData'), 'data'),
    mode: 'electron',
    secretCodec: safeStorageCodec(),
    desktop: { reveal: (path) => shell.showItemInFolder(path) },
    settingsOverride: receiverPortOverride ? { receiver: { port: Number(receiverPortOverride) } } : undefined,
    durability: parseDurability(process.env.HOOKBENCH_DURABILITY, '$HOOKBENCH_DURABILITY'),
  });
  engine = created;
  try {
    await created.start();
  } catch (err) {
    // A busy receiver port is shown in the UI (engine.info().receiverError); anything else
    // (unreadable data dir...) leaves nothing to show.
    if (!created.info().receiverError) {
      dialog.showErrorBox('Hookbench cannot start', errorMessage(err));
      app.exit(1);
      return;
    }
  }

  registerIpcHandlers(ipcMain, created.handlers, (url) => isAppUrl(location, url));
  installCspHeader(rendererIndex, location);
  denyPermissions();
  installAppMenu();

  const win = createMainWindow({ preload, rendererIndex, location, icon });
  app.on('second-instance', () => {
    if (win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  const unsubscribe = created.events.subscribe((batch) => {
    if (!win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, batch);
  });
  win.on('closed', unsubscribe);
}

app.on('window-all-closed', () => app.quit());

let stopped = false;
app.on('before-quit', (event) => {
  if (stopped || !engine) return;
  // let the stores flush before the process goes away
  event.preventDefault();
  stopped = true;
  engine
    .stop()
    .catch((err: unknown) => console.error('hookbench: stop failed:', err))
    .finally(() => app.quit());
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  main().catch((err: unknown) => {
    dialog.showErrorBox('Hookbench failed', err instanceof Error ? (err.stack ?? err.message) : String(err));
    app.exit(1);
  });
}
