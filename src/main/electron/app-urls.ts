// What counts as "our renderer": the built index.html, or the electron-vite dev server.
// Pure functions so the rules are tested without Electron.
import { pathToFileURL } from 'node:url';

export interface AppLocation {
  /** file:// URL of out/renderer/index.html */
  fileUrl: string;
  /** the electron-vite dev server (ELECTRON_RENDERER_URL), when running `npm run dev` */
  devUrl?: string;
}

export function appLocation(rendererIndexPath: string, devUrl: string | undefined): AppLocation {
  return { fileUrl: pathToFileURL(rendererIndexPath).href, devUrl: devUrl || undefined };
}

/** True for a URL of the app itself (any query or hash). */
export function isAppUrl(location: AppLocation, candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (location.devUrl) {
    const dev = new URL(location.devUrl);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === dev.origin) return true;
  }
  if (url.protocol !== 'file:') return false;
  url.search = '';
  url.hash = '';
  return url.href === new URL(location.fileUrl).href;
}

/** Links the OS browser may open: only web pages, never file:, javascript: or custom schemes. */
export function isExternalWebUrl(candidate: string): boolean {
  try {
    const { protocol } = new URL(candidate);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
