// The one app window, locked down per Electron's security checklist: isolated, sandboxed,
// no Node in the page, no new windows, no navigation away from the app.
import { BrowserWindow, session, shell, type WebContents } from 'electron';
import { readFileSync } from 'node:fs';
import { cspFromHtml, FALLBACK_CSP, narrowWebSocketSources } from '../transport/csp';
import { type AppLocation, isAppUrl, isExternalWebUrl } from './app-urls';

export interface WindowPaths {
  preload: string;
  rendererIndex: string;
  location: AppLocation;
  /** the window and taskbar icon (Linux and Windows; macOS takes the app bundle's) */
  icon: string;
}

export function createMainWindow(paths: WindowPaths): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Hookbench',
    icon: paths.icon,
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    },
  });
  guardNavigation(win.webContents, paths.location);
  win.once('ready-to-show', () => win.show());
  if (paths.location.devUrl) void win.loadURL(paths.location.devUrl);
  else void win.loadFile(paths.rendererIndex);
  return win;
}

function guardNavigation(contents: WebContents, location: AppLocation): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(location, url)) return;
    event.preventDefault();
    if (isExternalWebUrl(url)) void shell.openExternal(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(location, url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Electron grants every permission a page asks for unless told otherwise (camera, location,
 * notifications...). The app needs none but writing to the clipboard for its copy buttons.
 */
export function denyPermissions(): void {
  const allowed = (permission: string) => permission === 'clipboard-sanitized-write';
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(allowed(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => allowed(permission));
}

/**
 * Sends the renderer's own CSP (from its index.html meta) as a response header too. Not in
 * dev mode: the Vite dev server relies on inline scripts for hot reload.
 */
export function installCspHeader(rendererIndex: string, location: AppLocation): void {
  if (location.devUrl) return;
  let csp = FALLBACK_CSP;
  try {
    csp = cspFromHtml(readFileSync(rendererIndex, 'utf8')) ?? FALLBACK_CSP;
  } catch {
    // no build to read: the fallback policy is at least as strict
  }
  // the desktop renderer talks over IPC: no WebSocket anywhere
  csp = narrowWebSocketSources(csp, null);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}
