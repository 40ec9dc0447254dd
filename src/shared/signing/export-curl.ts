// "Copy as curl" where the signature is computed by the shell when the command runs
// (openssl dgst -hmac …), so the command stays valid after a timestamp window has passed.
import { parseFormat } from '../triggers/basestring';
import { decodeUtf8Strict } from '../triggers/bytes';
import { getHeader, place, requestTarget, setHeader } from './placement';
import { SKIPPED_EXPORT_HEADERS, TOKEN_SENTINEL, TS_SENTINEL, secretSource } from './export-secret';
import { hmacLine, shellWord, sq, tsLine } from './curl-parts';
import { SCHEME_PROVIDERS } from '../kinds/providers';

export { shellWord } from './curl-parts';
import type { OutgoingRequest, SignResult, SigningProfile } from './types';
import { isSymmetric } from '../kinds/web-auth/jwt';

/** text used as a printf format prints as itself: `%` and `\` are the format's only special characters */
const printfLiteral = (s: string): string => s.replace(/[%\\]/g, (c) => c + c);

function jwtLines(profile: Extract<SigningProfile, { kind: 'jwt' }>): string[] | null {
  const alg = profile.algorithm;
  // the algorithm is spliced into the script: only the documented names pass
  const bits = ({ '256': '256', '384': '384', '512': '512' } as Record<string, string | undefined>)[alg.slice(2)];
  if (!bits || !/^(HS|RS|PS)\d{3}$/.test(alg)) return null;
  let signCmd: string;
  if (isSymmetric(alg)) signCmd = `openssl dgst -sha${bits} -hmac "$SECRET" -binary`;
  else if (alg.startsWith('RS')) signCmd = `openssl dgst -sha${bits} -sign <(printf '%s\\n' "$SECRET") -binary`;
  else if (alg.startsWith('PS'))
    signCmd = `openssl dgst -sha${bits} -sign <(printf '%s\\n' "$SECRET") -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest -binary`;
  else return null;
  if (profile.secret.trim().startsWith('{')) return null; // a JWK key: openssl cannot use it directly
  const fields: string[] = [];
  const args: string[] = [];
  const c = profile.claims;
  for (const [k, v] of Object.entries(c.custom ?? {}))
    if (!['iat', 'exp', 'nbf'].includes(k)) fields.push(printfLiteral(`${JSON.stringify(k)}:${JSON.stringify(v)}`));
  if (c.iat) {
    fields.push('"iat":%s');
    args.push('"$NOW"');
  }
  const seconds = (n: unknown): number => (typeof n === 'number' && Number.isFinite(n) ? Math.trunc(n) : 0);
  if (c.nbfSeconds !== undefined) {
    fields.push('"nbf":%s');
    args.push(`"$((NOW + ${seconds(c.nbfSeconds)}))"`);
  }
  if (c.expSeconds !== undefined) {
    fields.push('"exp":%s');
    args.push(`"$((NOW + ${seconds(c.expSeconds)}))"`);
  }
  const header = JSON.stringify({ alg, typ: 'JWT', ...(profile.kid ? { kid: profile.kid } : {}) });
  return [
    "b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }",
    'NOW=$(date +%s)',
    `JWT_HEADER=$(printf '%s' ${sq(header)} | b64url)`,
    `JWT_PAYLOAD=$(printf ${sq(`{${fields.join(',')}}`)} ${args.join(' ')} | b64url)`,
    `JWT_SIG=$(printf '%s' "$JWT_HEADER.$JWT_PAYLOAD" | ${signCmd} | b64url)`,
    'TOKEN="$JWT_HEADER.$JWT_PAYLOAD.$JWT_SIG"',
  ];
}

export interface CurlExport {
  text: string;
  warnings: string[];
}

/**
 * `request` is the request before signing; `signed` is the same request signed now (its values
 * are used only where the shell cannot compute a signature, with a warning).
 */
export function exportCurl(request: OutgoingRequest, profile: SigningProfile | null, signed: SignResult | null, includeSecrets: boolean): CurlExport {
  const warnings: string[] = [];
  // no `set -e`: pasted into an interactive shell it would close that shell at the next failing command
  const lines = ['#!/usr/bin/env bash'];
  const bodyText = decodeUtf8Strict(request.body);
  const binary = bodyText === null || bodyText.includes('\0');
  let tpl: OutgoingRequest = request;

  if (profile) {
    const src = secretSource(profile, includeSecrets);
    if (src.kind === 'env') lines.push(`SECRET="\${${src.name}:?set ${src.name} to the signing secret}"`);
    else if (src.kind === 'literal') lines.push(`SECRET=${sq(src.value)}`);
    else {
      lines.push(`SECRET="\${${src.name}:?set ${src.name} to the signing secret (redacted from this export)}"`);
      warnings.push(`the secret is redacted: set ${src.name} before running`);
    }
  }
  if (!binary) lines.push(`BODY=${sq(bodyText!)}`);
  else warnings.push('the body is binary: the command sends it from body.bin (write the bytes there first)');

  if (profile?.kind === 'hmac') {
    if (profile.timestamp) {
      lines.push(tsLine(profile.timestamp.unit));
      tpl =
        profile.timestamp.namespace === 'header'
          ? { ...tpl, headers: setHeader(tpl.headers, profile.timestamp.key, TS_SENTINEL) }
          : { ...tpl, url: appendQuery(tpl.url, profile.timestamp.key, TS_SENTINEL) };
    }
    const tsKey = profile.timestamp?.namespace === 'header' ? profile.timestamp.key.toLowerCase() : null;
    const pieces = parseFormat(profile.format).map((part) => {
      switch (part.kind) {
        case 'literal':
          return sq(part.text);
        case 'body':
          return binary ? '"$(cat body.bin)"' : '"$BODY"';
        case 'method':
          return sq(tpl.method);
        case 'url':
          return shellWord(requestTarget(tpl.url));
        case 'header': {
          if (part.name.toLowerCase() === tsKey) return '"$TS"';
          const v = getHeader(tpl.headers, part.name);
          if (v === undefined) warnings.push(`the basestring needs header ${part.name}, which the request does not have`);
          return sq(v ?? '');
        }
        case 'query':
          return shellWord(new URL(tpl.url).searchParams.get(part.name) ?? '');
      }
    });
    if (binary) warnings.push('binary bodies lose trailing newlines in $(cat …): prefer text bodies for shell signing');
    lines.push(hmacLine(profile.algorithm, pieces, profile.encoding), 'TOKEN="$SIG"');
    tpl = place(tpl, profile.placement, TOKEN_SENTINEL);
  } else if (profile?.kind === 'static') {
    lines.push('TOKEN="$SECRET"');
    tpl = place(tpl, profile.placement, TOKEN_SENTINEL);
  } else if (profile?.kind === 'jwt') {
    const jwt = jwtLines(profile);
    if (jwt) lines.push(...jwt);
    else {
      // the comment names the algorithm only when it is a plain name (a newline would end the comment)
      const named = /^[A-Z]{2}\d{3}$/.test(profile.algorithm) ? profile.algorithm : 'this algorithm';
      lines.push(`TOKEN=${sq(signed?.signature ?? '')}  # computed at export time: ${named} cannot be signed by openssl here; it expires`);
      warnings.push(`${profile.algorithm} tokens are computed at export time and expire`);
    }
    tpl = place(tpl, profile.placement, TOKEN_SENTINEL);
  } else if (profile?.kind === 'provider') {
    // each scheme's recipe is in its provider module (shared/kinds/providers)
    const recipe = SCHEME_PROVIDERS[profile.scheme].curl(request, tpl);
    lines.push(...recipe.lines);
    tpl = recipe.template;
    lines.push('TOKEN="$SIG"');
  }

  const args = ['curl', '-sS', '-X', sq(tpl.method), shellWord(tpl.url)];
  for (const [n, v] of tpl.headers) if (!SKIPPED_EXPORT_HEADERS.has(n.toLowerCase())) args.push('-H', shellWord(`${n}: ${v}`));
  if (tpl.body.length > 0 || request.body.length > 0) {
    if (binary) args.push('--data-binary', '@body.bin');
    else {
      const sentBody = decodeUtf8Strict(tpl.body) ?? '';
      const sendBodyWord = sentBody === bodyText ? '"$BODY"' : shellWord(sentBody);
      args.push('--data-raw', sendBodyWord);
    }
  }
  lines.push(args.join(' \\\n  '));
  return { text: `${lines.join('\n')}\n`, warnings };
}

function appendQuery(url: string, key: string, value: string): string {
  const u = new URL(url);
  u.searchParams.set(key, value);
  return u.toString();
}
