// A stand-in for the 'electron' module, loaded with `node --require` in front of the built
// main bundle (out/main/index.js). It records what main asks of Electron and, once the app
// is up, drives the checks a real window would trigger; each finding is one "STANDIN {json}"
// line on stdout. Only what src/main uses is implemented.
const Module = require('node:module');
const { EventEmitter } = require('node:events');
const path = require('node:path');

const report = (kind, data) => process.stdout.write(`STANDIN ${JSON.stringify({ kind, ...data })}\n`);
const handlers = new Map();
let permissionRequest = null;
let headersHook = null;
let mainWindow = null;

class WebContents extends EventEmitter {
  constructor() {
    super();
    this.openHandler = null;
    this.sent = [];
  }
  setWindowOpenHandler(fn) {
    this.openHandler = fn;
  }
  send(channel, payload) {
    this.sent.push({ channel, payload });
  }
  isDestroyed() {
    return false;
  }
}

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents();
    mainWindow = this;
    report('window', { webPreferences: options.webPreferences, icon: options.icon });
  }
  loadFile(file) {
    report('load', { file });
    setTimeout(() => this.emit('ready-to-show'), 10);
    return Promise.resolve();
  }
  loadURL(url) {
    report('load', { url });
    return Promise.resolve();
  }
  show() {}
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
}

const app = new EventEmitter();
Object.assign(app, {
  isPackaged: false,
  whenReady: () => Promise.resolve(),
  getPath: () => process.env.HOOKBENCH_USER_DATA_DIR,
  setPath: () => undefined,
  requestSingleInstanceLock: () => true,
  quit: () => report('quit', {}),
  exit: (code) => {
    report('exit', { code });
    process.exit(code);
  },
});

const electron = {
  app,
  BrowserWindow,
  ipcMain: { handle: (channel, fn) => handlers.set(channel, fn), removeHandler: (channel) => handlers.delete(channel) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn) => {
        permissionRequest = fn;
      },
      setPermissionCheckHandler: () => undefined,
      webRequest: {
        onHeadersReceived: (fn) => {
          headersHook = fn;
        },
      },
    },
  },
  shell: { openExternal: async (url) => report('openExternal', { url }), showItemInFolder: (p) => report('reveal', { path: p }) },
  dialog: { showErrorBox: (title, message) => report('errorBox', { title, message }) },
  safeStorage: {
    isEncryptionAvailable: () => true,
    encryptString: (plain) => Buffer.from(`sealed:${Buffer.from(plain).toString('base64')}`),
    decryptString: (sealed) => Buffer.from(sealed.toString().slice('sealed:'.length), 'base64').toString(),
  },
  Menu: { buildFromTemplate: (template) => ({ template }), setApplicationMenu: () => undefined },
};

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? 'electron-stand-in' : resolve.call(this, request, ...rest);
};
require.cache['electron-stand-in'] = { id: 'electron-stand-in', filename: 'electron-stand-in', loaded: true, exports: electron };

async function invoke(method, args, frameUrl) {
  const fn = handlers.get(`hookbench:call:${method}`);
  if (!fn) return { missing: true };
  return fn({ senderFrame: { url: frameUrl } }, args);
}

async function drive() {
  for (let i = 0; i < 200 && !mainWindow; i++) await new Promise((r) => setTimeout(r, 25));
  const rendererUrl = require('node:url').pathToFileURL(path.resolve(process.env.STANDIN_RENDERER_INDEX)).href;
  report('channels', { channels: [...handlers.keys()] });
  const info = await invoke('engine.info', null, `${rendererUrl}#/inbox`);
  report('info', { envelope: info });
  report('foreign', { envelope: await invoke('engine.info', null, 'https://evil.example/') });
  const saved = await invoke('env.save', { env: [{ name: 'STANDIN_SECRET', value: 'plain-secret-value', secret: true }] }, rendererUrl);
  report('envSaved', { envelope: saved });
  const allowed = {};
  for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-sanitized-write']) {
    await new Promise((done) =>
      permissionRequest(null, permission, (ok) => {
        allowed[permission] = ok;
        done();
      }),
    );
  }
  report('permissions', { allowed });
  let prevented = false;
  mainWindow.webContents.emit(
    'will-navigate',
    {
      preventDefault: () => {
        prevented = true;
      },
    },
    'https://example.com/phish',
  );
  report('navigate', { prevented, openHandler: mainWindow.webContents.openHandler({ url: 'https://example.com/' }) });
  headersHook({ responseHeaders: {} }, (result) => report('csp', { headers: result.responseHeaders }));
  // a webhook to the receiver reaches the window as an event batch
  const receiverUrl = info.ok ? info.result.receiverUrl : '';
  const res = await fetch(`${receiverUrl}/stand-in/hook`, { method: 'POST', body: '{"ok":1}' });
  await new Promise((r) => setTimeout(r, 300));
  report('webhook', { status: res.status, sent: mainWindow.webContents.sent.map((s) => ({ channel: s.channel, types: s.payload.map((e) => e.type) })) });
  app.emit('before-quit', { preventDefault: () => report('quitDeferred', {}) });
}

if (process.env.STANDIN_DRIVE === '1') setImmediate(() => drive().catch((e) => report('driveError', { message: String((e && e.stack) || e) })));
