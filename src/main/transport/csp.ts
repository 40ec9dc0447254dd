// The Content-Security-Policy sent as a header is the one the renderer declares in its
// index.html <meta>, so the two can never drift apart.

/** Used only when the built index.html carries no CSP meta. */
export const FALLBACK_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

export function cspFromHtml(html: string): string | null {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    if (!/http-equiv\s*=\s*["']?content-security-policy["']?/i.test(tag)) continue;
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    const value = content?.[1] ?? content?.[2];
    if (value) return decodeEntities(value).replace(/\s+/g, ' ').trim();
  }
  return null;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * The renderer's policy allows `ws:`, a socket to any host. A page needs only its own
 * server's socket (headless) or none at all (Electron talks over IPC): a narrower policy
 * sent as a header wins over the meta, since a page must satisfy both.
 */
export function narrowWebSocketSources(csp: string, ownHost: string | null): string {
  return csp
    .split(';')
    .map((directive) => {
      const tokens = directive.trim().split(/\s+/);
      if (tokens[0]?.toLowerCase() !== 'connect-src') return directive.trim();
      const kept = tokens.flatMap((t) => (t === 'ws:' || t === 'wss:' ? (ownHost ? [`ws://${ownHost}`] : []) : [t]));
      return [...new Set(kept)].join(' ');
    })
    .filter((d) => d.length > 0)
    .join('; ');
}
