// "Copy as curl": a command that sends the same method, target, headers and body bytes.
import type { HeaderTuple } from '@shared/capture';

export interface CurlInput {
  method: string;
  /** absolute URL: the receiver's origin plus the raw request target */
  url: string;
  headers: HeaderTuple[];
  body: Uint8Array;
  /** the body is only the first part of what was received */
  bodyTruncated?: boolean;
}

/** POSIX single quoting: safe for any string without NUL or control characters. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_\-.,:/@=+%]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Bash ANSI-C quoting, for header values that hold control characters. */
export function ansiCQuote(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === '\\' || char === "'") out += `\\${char}`;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += char;
  }
  return `$'${out}'`;
}

const hasControl = (value: string) => /[\u0000-\u0008\u000b-\u001f\u007f]/.test(value);

function quoteArg(value: string): string {
  return hasControl(value) ? ansiCQuote(value) : shellQuote(value);
}

/** Text bodies go inline; anything else (invalid UTF-8, NUL, CR…) is fed through printf. */
function bodyAsText(body: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return null;
  }
  // CR and other control bytes do not survive a paste into a terminal; tabs and newlines do
  return /[\u0000-\u0008\u000b-\u001f\u007f]/.test(text) ? null : text;
}

/**
 * A printf format string reproducing the bytes exactly: printable ASCII literal, everything
 * else as octal escapes (POSIX printf, unlike $'…' which cannot hold NUL bytes).
 */
export function printfBytes(body: Uint8Array): string {
  let out = '';
  for (const byte of body) {
    if (byte === 0x2d && out === '')
      out += '\\055'; // a leading "-" would be read as a printf option
    else if (byte === 0x25) out += '%%';
    else if (byte === 0x5c) out += '\\\\';
    else if (byte === 0x27) out += "'\\''";
    else if (byte === 0x0a || (byte >= 0x20 && byte < 0x7f)) out += String.fromCharCode(byte);
    else out += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `'${out}'`;
}

// curl computes Content-Length from the body it sends; a copied one could only disagree.
const SKIPPED_HEADERS = new Set(['content-length']);

export function buildCurl(input: CurlInput): string {
  // --globoff and --path-as-is keep the target exactly as captured ([], {}, "..", "//")
  // the URL is always quoted: `?` and `&` in a later edit must not become shell syntax
  const first = `curl --globoff --path-as-is -X ${shellQuote(input.method)} ${hasControl(input.url) ? ansiCQuote(input.url) : `'${input.url.replace(/'/g, `'\\''`)}'`}`;
  const options: string[] = [];
  for (const [name, value] of input.headers) {
    if (SKIPPED_HEADERS.has(name.toLowerCase())) continue;
    // "Name;" is curl's way to send a header with an empty value
    options.push(`-H ${quoteArg(value === '' ? `${name};` : `${name}: ${value}`)}`);
  }
  // With a body curl would add a form Content-Type (and Expect) the original did not send:
  // "Name:" removes those, since they change how a receiver reads the body. No such
  // suppressor for User-Agent or Accept: it reads as an empty header; a comment says curl adds them.
  const sent = new Set(input.headers.map(([name]) => name.toLowerCase()));
  if (input.body.length) for (const name of ['Content-Type', 'Expect']) if (!sent.has(name.toLowerCase())) options.push(`-H ${name}:`);
  let prefix = '';
  if (input.body.length) {
    const text = bodyAsText(input.body);
    // --data-raw: a body starting with "@" is data, not a file name
    if (text !== null) options.push(`--data-raw ${shellQuote(text)}`);
    else {
      prefix = `printf ${printfBytes(input.body)} | `;
      options.push('--data-binary @-');
    }
  }
  const added = ['User-Agent', 'Accept'].filter((name) => !sent.has(name.toLowerCase()));
  const curlNote = added.length ? `# curl adds its own ${added.join(' and ')}, which the captured request did not have\n` : '';
  const note = curlNote + (input.bodyTruncated ? `# note: only the first ${input.body.length} bytes of the body were available\n` : '');
  return note + prefix + [first, ...options].join(' \\\n  ');
}
