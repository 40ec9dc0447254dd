// "Copy as Node fetch" and "copy as Python requests". HMAC and static tokens are computed when
// the code runs; JWT and provider signatures are the values signed at export time (commented).
import { parseFormat } from '../triggers/basestring';
import { decodeUtf8Strict, toBase64 } from '../triggers/bytes';
import { getHeader, place, requestTarget, setHeader } from './placement';
import { SKIPPED_EXPORT_HEADERS, TOKEN_SENTINEL, TS_SENTINEL, secretSource } from './export-secret';
import type { OutgoingRequest, SignResult, SigningProfile } from './types';

type Lang = 'fetch' | 'python';

interface Template {
  request: OutgoingRequest;
  preamble: string[];
  note?: string;
}

const js = (s: string) => JSON.stringify(s);
const py = (s: string) => JSON.stringify(s); // JSON string literals are valid Python literals for BMP text

/** A string expression where sentinels become variables. */
function expr(lang: Lang, text: string): string {
  const q = lang === 'fetch' ? js : py;
  const parts = text.split(/(__HOOKBENCH_TOKEN__|__HOOKBENCH_TS__)/).filter((p) => p !== '');
  if (parts.length === 0) return '""';
  return parts
    .map((p) => (p === TOKEN_SENTINEL ? (lang === 'fetch' ? 'token' : 'token') : p === TS_SENTINEL ? (lang === 'fetch' ? 'ts' : 'ts') : q(p)))
    .join(' + ');
}

function template(lang: Lang, request: OutgoingRequest, profile: SigningProfile | null, signed: SignResult | null, includeSecrets: boolean): Template {
  const preamble: string[] = [];
  if (!profile) return { request, preamble };
  const src = secretSource(profile, includeSecrets);
  const secret =
    src.kind === 'literal' ? (lang === 'fetch' ? js(src.value) : py(src.value)) : lang === 'fetch' ? `process.env.${src.name}` : `os.environ[${py(src.name)}]`;
  if (profile.kind === 'hmac') {
    let tpl = request;
    if (profile.timestamp) {
      const t = profile.timestamp;
      preamble.push(
        lang === 'fetch'
          ? `const ts = String(${t.unit === 'ms' ? 'Date.now()' : 'Math.floor(Date.now() / 1000)'});`
          : `ts = str(${t.unit === 'ms' ? 'int(time.time() * 1000)' : 'int(time.time())'})`,
      );
      tpl =
        t.namespace === 'header'
          ? { ...tpl, headers: setHeader(tpl.headers, t.key, TS_SENTINEL) }
          : (() => {
              const u = new URL(tpl.url);
              u.searchParams.set(t.key, TS_SENTINEL);
              return { ...tpl, url: u.toString() };
            })();
    }
    const tsKey = profile.timestamp?.namespace === 'header' ? profile.timestamp.key.toLowerCase() : null;
    const pieces = parseFormat(profile.format).map((part) => {
      switch (part.kind) {
        case 'literal':
          return expr(lang, part.text);
        case 'body':
          return 'body';
        case 'method':
          return expr(lang, tpl.method);
        case 'url':
          return expr(lang, requestTarget(tpl.url));
        case 'query':
          return expr(lang, new URL(tpl.url).searchParams.get(part.name) ?? '');
        case 'header':
          if (part.name.toLowerCase() === tsKey) return 'ts';
          return expr(lang, getHeader(tpl.headers, part.name) ?? '');
      }
    });
    if (lang === 'fetch') {
      const bufs = pieces.map((p) => (p === 'body' ? 'body' : `Buffer.from(${p})`));
      preamble.push(
        `const token = createHmac(${js(profile.algorithm)}, ${secret}).update(Buffer.concat([${bufs.join(', ')}])).digest(${js(profile.encoding)});`,
      );
    } else {
      const bs = pieces.map((p) => (p === 'body' ? 'body' : `(${p}).encode()`));
      const digest = profile.encoding === 'hex' ? '.hexdigest()' : '.digest()).decode()';
      preamble.push(
        `token = ${profile.encoding === 'hex' ? '' : 'base64.b64encode('}hmac.new(${secret}.encode(), ${bs.join(' + ')}, hashlib.${profile.algorithm})${digest}`,
      );
    }
    return { request: place(tpl, profile.placement, TOKEN_SENTINEL), preamble };
  }
  if (profile.kind === 'static') {
    preamble.push(lang === 'fetch' ? `const token = ${secret};` : `token = ${secret}`);
    return { request: place(request, profile.placement, TOKEN_SENTINEL), preamble };
  }
  // JWT and provider schemes: the request as signed at export time
  return { request: signed?.request ?? request, preamble, note: 'signature computed at export time: it expires with its timestamp' };
}

export function exportCode(lang: Lang, request: OutgoingRequest, profile: SigningProfile | null, signed: SignResult | null, includeSecrets: boolean): string {
  const { request: tpl, preamble, note } = template(lang, request, profile, signed, includeSecrets);
  const text = decodeUtf8Strict(request.body);
  const sentText = decodeUtf8Strict(tpl.body);
  const headers = tpl.headers.filter(([n]) => !SKIPPED_EXPORT_HEADERS.has(n.toLowerCase()));
  const bodyChanged = sentText !== text;
  if (lang === 'fetch') {
    const lines = ["import { createHmac } from 'node:crypto';", ''];
    if (note) lines.push(`// ${note}`);
    lines.push(text !== null ? `const body = Buffer.from(${js(text)});` : `const body = Buffer.from(${js(toBase64(request.body))}, 'base64');`);
    lines.push(...preamble);
    lines.push(`const res = await fetch(${expr('fetch', tpl.url)}, {`, `  method: ${js(tpl.method)},`, '  headers: [');
    for (const [n, v] of headers) lines.push(`    [${js(n)}, ${expr('fetch', v)}],`);
    lines.push('  ],');
    if (tpl.body.length > 0 || request.body.length > 0) lines.push(`  body: ${bodyChanged && sentText !== null ? expr('fetch', sentText) : 'body'},`);
    lines.push('});', 'console.log(res.status, await res.text());');
    return `${lines.join('\n')}\n`;
  }
  const lines = ['import base64, hashlib, hmac, os, time', 'import requests', ''];
  if (note) lines.push(`# ${note}`);
  lines.push(text !== null ? `body = ${py(text)}.encode()` : `body = base64.b64decode(${py(toBase64(request.body))})`);
  lines.push(...preamble);
  lines.push('headers = [');
  for (const [n, v] of headers) lines.push(`    (${py(n)}, ${expr('python', v)}),`);
  lines.push(']');
  const data = bodyChanged && sentText !== null ? `(${expr('python', sentText)}).encode()` : 'body';
  lines.push(`res = requests.request(${py(tpl.method)}, ${expr('python', tpl.url)}, headers=dict(headers), data=${data})`, 'print(res.status_code, res.text)');
  return `${lines.join('\n')}\n`;
}
