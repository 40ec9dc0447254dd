// Signature forensics: when an HMAC does not match, try the usual sender mistakes and say
// which one reproduces the received signature.
import type { WebAuthCondition } from '@shared/trigger';
import type { ForensicMatch, ForensicReport } from '@shared/trigger-log';
import { DEFAULT_HMAC_FORMAT } from '@shared/triggers/basestring';
import { fromBase64 } from '@shared/triggers/bytes';
import { findHeader, findQuery, parseFormBody, parseJsonBody, valueAsText, type RequestView } from '@shared/triggers/lookup';
import { computeHmac } from '../crypto/hmac';
import { hmacAlgorithm, hmacEncoding } from './conditions/check-hmac';
import { bodyVariants, formatVariants, headerVariants, renderWith, secretVariants } from './forensics-variants';

export type { ForensicMatch, ForensicReport };

const ALGORITHMS = ['sha256', 'sha1', 'sha512', 'sha384', 'sha224', 'md5'];
const KNOWN_PREFIXES = ['sha256=', 'sha1=', 'sha512=', 'v0=', 'v1=', 'v1,'];

interface TokenCandidate {
  bytes: Uint8Array;
  encoding: 'hex' | 'base64';
  notes: string[];
}

function rawTokenValue(request: RequestView, c: WebAuthCondition): string | undefined {
  if (c.namespace === 'header') return findHeader(request.rawHeaders, c.key);
  if (c.namespace === 'query') return findQuery(request.url, c.key);
  if (c.namespace === 'form') {
    const f = parseFormBody(request.body);
    return f.ok ? (f.value.get(c.key) ?? undefined) : undefined;
  }
  const doc = parseJsonBody(request.body);
  return doc.ok && doc.value && typeof doc.value === 'object' && c.key in (doc.value as object)
    ? valueAsText((doc.value as Record<string, unknown>)[c.key])
    : undefined;
}

function tokenCandidates(raw: string, prefix: string, configured: 'hex' | 'base64'): TokenCandidate[] {
  const stripped: { text: string; notes: string[] }[] = [];
  if (!prefix || raw.startsWith(prefix)) stripped.push({ text: raw.slice(prefix.length), notes: [] });
  if (prefix && !raw.startsWith(prefix)) stripped.push({ text: raw, notes: [`the sender sends no ${JSON.stringify(prefix)} prefix`] });
  if (prefix && raw.startsWith(prefix + prefix))
    stripped.push({ text: raw.slice(prefix.length * 2), notes: [`the sender doubles the prefix (${JSON.stringify(prefix + prefix)})`] });
  for (const other of KNOWN_PREFIXES) {
    if (other !== prefix && raw.startsWith(other))
      stripped.push({
        text: raw.slice(other.length),
        notes: [`the sender uses the prefix ${JSON.stringify(other)}${prefix ? ` instead of ${JSON.stringify(prefix)}` : ''}`],
      });
  }
  const out: TokenCandidate[] = [];
  for (const s of stripped) {
    const t = s.text.trim();
    if (/^[0-9a-fA-F]+$/.test(t) && t.length % 2 === 0) {
      out.push({
        bytes: Buffer.from(t, 'hex'),
        encoding: 'hex',
        notes: configured === 'hex' ? s.notes : [...s.notes, 'the sender encodes the signature as hex, not base64'],
      });
    }
    const b = fromBase64(t);
    if (b && b.length >= 16) {
      out.push({
        bytes: b,
        encoding: 'base64',
        notes: configured === 'base64' ? s.notes : [...s.notes, 'the sender encodes the signature as base64, not hex'],
      });
    }
  }
  return out;
}

export function diagnoseHmacMismatch(condition: WebAuthCondition, request: RequestView, secret: string): ForensicReport {
  const raw = rawTokenValue(request, condition);
  if (raw === undefined) return { matchesAsConfigured: false, matches: [], tried: 0, problem: `the request has no ${condition.namespace} ${condition.key}` };
  const configuredAlg = hmacAlgorithm(condition);
  const configuredEnc = hmacEncoding(condition);
  const tokens = tokenCandidates(raw, condition.prefix ?? '', configuredEnc);
  if (tokens.length === 0) return { matchesAsConfigured: false, matches: [], tried: 0, problem: 'the signature is neither hex nor base64' };
  const byDigest = new Map<string, TokenCandidate[]>();
  for (const t of tokens) {
    const key = Buffer.from(t.bytes).toString('hex');
    byDigest.set(key, [...(byDigest.get(key) ?? []), t]);
  }

  const format = condition.hmacFormat ?? DEFAULT_HMAC_FORMAT;
  const matches: ForensicMatch[] = [];
  let tried = 0;
  const algorithms = [configuredAlg, ...ALGORITHMS.filter((a) => a !== configuredAlg)];
  const bodies = bodyVariants(request.body);
  const formats = formatVariants(format, request);
  const headerSets = headerVariants(request.rawHeaders, format);
  const secrets = secretVariants(secret);

  for (const f of formats)
    for (const b of bodies)
      for (const hs of headerSets) {
        const basestring = renderWith(f.value, request, b.value, hs.value);
        if (!basestring) continue;
        for (const s of secrets)
          for (const alg of algorithms) {
            tried++;
            const digest = computeHmac(alg, s.value, basestring).toString('hex');
            for (const t of byDigest.get(digest) ?? []) {
              const differences = [
                f.note,
                b.note,
                hs.note,
                s.note,
                alg !== configuredAlg ? `the sender uses ${alg}, not ${configuredAlg}` : undefined,
                ...t.notes,
              ].filter((x): x is string => Boolean(x));
              matches.push({
                differences,
                algorithm: alg,
                encoding: t.encoding,
                format: f.value,
                sentence: differences.length ? `${differences.join('; ')}.` : 'the signature matches as configured.',
              });
            }
          }
      }
  matches.sort((a, b) => a.differences.length - b.differences.length);
  const matchesAsConfigured = matches.some((m) => m.differences.length === 0);
  return { matchesAsConfigured, matches: matches.filter((m) => m.differences.length > 0).slice(0, 5), tried };
}
