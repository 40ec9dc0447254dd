// The control API token arrives once in the address bar (?token=…). It is moved to
// sessionStorage and removed from the URL so it does not end up in history or screenshots.
import { TOKEN_QUERY_PARAM } from '@shared/transport';

const STORAGE_KEY = 'hookbench.token';

export function takeWebToken(win: Window = window): string | null {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get(TOKEN_QUERY_PARAM);
  if (fromUrl) {
    try {
      win.sessionStorage.setItem(STORAGE_KEY, fromUrl);
    } catch {
      // storage disabled: the token still works for this page's life
    }
    url.searchParams.delete(TOKEN_QUERY_PARAM);
    win.history.replaceState(win.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return win.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
