// Shell pieces the curl export and the providers' curl recipes share: POSIX quoting, the
// timestamp line and the `openssl dgst` line that computes $SIG when the command runs.
import { ID_SENTINEL, TOKEN_SENTINEL, TS_SENTINEL } from './export-secret';

/** POSIX single quoting (a function replacer: no `$` patterns can apply) */
export const sq = (s: string): string => `'${s.replace(/'/g, () => `'\\''`)}'`;

const VARS: Array<[string, string]> = [
  [TOKEN_SENTINEL, '${TOKEN}'],
  [TS_SENTINEL, '${TS}'],
  [ID_SENTINEL, '${ID}'],
];

/** One shell word: literal text single-quoted, sentinels as double-quoted variables. */
export function shellWord(text: string): string {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > 0) {
    let best: [number, string, string] | null = null;
    for (const [s, v] of VARS) {
      const i = rest.indexOf(s);
      if (i >= 0 && (!best || i < best[0])) best = [i, s, v];
    }
    if (!best) {
      pieces.push(sq(rest));
      break;
    }
    if (best[0] > 0) pieces.push(sq(rest.slice(0, best[0])));
    pieces.push(`"${best[2]}"`);
    rest = rest.slice(best[0] + best[1].length);
  }
  return pieces.length ? pieces.join('') : "''";
}

const DGST: Record<string, string> = { sha1: '-sha1', sha256: '-sha256', sha384: '-sha384', sha512: '-sha512' };
const encodeCmd = (encoding: 'hex' | 'base64' | 'base64url'): string =>
  encoding === 'hex' ? "od -An -v -tx1 | tr -d ' \\n'" : encoding === 'base64' ? 'openssl base64 -A' : "openssl base64 -A | tr '+/' '-_' | tr -d '='";

/** SIG=$(… | openssl dgst …): the HMAC of the pieces (shell words), encoded. */
export function hmacLine(algorithm: string, pieces: string[], encoding: 'hex' | 'base64' | 'base64url', key = '-hmac "$SECRET"'): string {
  return `SIG=$(printf '%s' ${pieces.join(' ')} | openssl dgst ${DGST[algorithm] ?? '-sha256'} ${key} -binary | ${encodeCmd(encoding)})`;
}

/** TS=$(date …) in seconds or milliseconds */
export function tsLine(unit: 's' | 'ms'): string {
  return unit === 'ms' ? 'TS=$(( $(date +%s%N) / 1000000 ))' : 'TS=$(date +%s)';
}
