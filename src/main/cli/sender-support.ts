// What `hookbench send` and `hookbench replay` share: inline profiles from flags, a throwaway
// sender, and printing a response and its run's status changes.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SentRecord, SigningProfile, TrackOptions, TrackedRun } from '@shared/signing/types';
import { SIGN_HMAC_ALGORITHMS, type SignHmacAlgorithm } from '@shared/signing/types';
import { JWT_ALGORITHMS, type JwtAlgorithm } from '@shared/trigger';
import type { EnvSource } from '@shared/triggers/secrets';
import { openSenderHistory } from '../engine/sender/history-store';
import { createSender, type Sender } from '../engine/sender/sender';

export interface InlineFlags {
  hmac?: string;
  jwt?: string;
  token?: string;
  'sig-header'?: string;
  prefix?: string;
  'timestamp-header'?: string;
}

/** --hmac SECRET[:alg[:format]], --jwt SECRET[:alg], --token SECRET; throws a message for bad input. */
export function inlineProfile(flags: InlineFlags): SigningProfile | null {
  const given = (['hmac', 'jwt', 'token'] as const).filter((k) => flags[k] !== undefined);
  if (given.length > 1) throw new Error(`pick one of --hmac, --jwt and --token (got ${given.map((g) => `--${g}`).join(', ')})`);
  const placement = { namespace: 'header' as const, key: flags['sig-header'] ?? 'Authorization', ...(flags.prefix ? { prefix: flags.prefix } : {}) };
  const ts = flags['timestamp-header'] ? { namespace: 'header' as const, key: flags['timestamp-header'], unit: 's' as const } : undefined;
  if (flags.hmac !== undefined) {
    // the format (and an {env:NAME} secret) contain colons: only the first two outside braces split
    const [secret, alg = 'sha256', format = '{body}'] = splitOutsideBraces(flags.hmac, 3);
    if (!SIGN_HMAC_ALGORITHMS.includes(alg as SignHmacAlgorithm)) throw new Error(`--hmac algorithm must be sha1, sha256 or sha512, not "${alg}"`);
    return {
      id: 'cli',
      name: 'command line',
      kind: 'hmac',
      secret,
      algorithm: alg as SignHmacAlgorithm,
      encoding: 'hex',
      format,
      placement,
      ...(ts ? { timestamp: ts } : {}),
    };
  }
  if (flags.jwt !== undefined) {
    const at = flags.jwt.lastIndexOf(':');
    const maybeAlg = at > 0 ? flags.jwt.slice(at + 1) : '';
    const alg = JWT_ALGORITHMS.includes(maybeAlg as JwtAlgorithm) ? (maybeAlg as JwtAlgorithm) : 'HS256';
    const secret = alg === maybeAlg && at > 0 ? flags.jwt.slice(0, at) : flags.jwt;
    return { id: 'cli', name: 'command line', kind: 'jwt', secret, algorithm: alg, claims: { iat: true, expSeconds: 60 }, placement };
  }
  if (flags.token !== undefined) return { id: 'cli', name: 'command line', kind: 'static', secret: flags.token, placement };
  return null;
}

/** Splits at ':' outside {…}, into at most `parts` pieces (the last keeps the rest). */
export function splitOutsideBraces(text: string, parts: number): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length && out.length < parts - 1; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}') depth = Math.max(0, depth - 1);
    else if (text[i] === ':' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** A sender whose history lives in a temp dir removed on close (a running `serve` owns the real one). */
type SenderDeps = Parameters<typeof createSender>[0];

export async function throwawaySender(opts: {
  env: EnvSource;
  profiles: SigningProfile[];
  receiverUrl?: string;
  captures?: SenderDeps['captures'];
  emit?: SenderDeps['emit'];
}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'hookbench-send-'));
  const history = await openSenderHistory(dir);
  const sender: Sender = createSender({
    history,
    env: () => opts.env,
    profiles: () => opts.profiles,
    receiverUrl: () => opts.receiverUrl ?? '',
    captures: opts.captures,
    emit: opts.emit,
  });
  return {
    sender,
    async close() {
      sender.close();
      await history.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Poll timings: tests shorten them with HOOKBENCH_TRACK_* variables. */
export function trackOptions(env: NodeJS.ProcessEnv, timeoutSec?: string): TrackOptions {
  const num = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined);
  return {
    ...(num(env.HOOKBENCH_TRACK_INITIAL_MS) !== undefined ? { initialDelayMs: num(env.HOOKBENCH_TRACK_INITIAL_MS) } : {}),
    ...(num(env.HOOKBENCH_TRACK_MAX_MS) !== undefined ? { maxDelayMs: num(env.HOOKBENCH_TRACK_MAX_MS) } : {}),
    ...(num(timeoutSec) !== undefined ? { timeoutMs: num(timeoutSec)! * 1000 } : {}),
  };
}

export function describeResponse(r: SentRecord): string {
  if (r.error) return `error: ${r.error.message}`;
  const res = r.response!;
  const t = r.timings;
  const phases = [
    t.dns !== undefined ? `dns ${t.dns} ms` : '',
    t.connect !== undefined ? `connect ${t.connect} ms` : '',
    t.tls !== undefined ? `tls ${t.tls} ms` : '',
    t.firstByte !== undefined ? `first byte ${t.firstByte} ms` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const body = Buffer.from(res.bodyBase64, 'base64').toString('utf8');
  return `HTTP ${res.status} ${res.statusText} (${t.total} ms${phases ? `; ${phases}` : ''})\n${body}${res.bodyTruncated ? '\n[body truncated]' : ''}`;
}

export function describeTimelineEntry(track: TrackedRun, i: number): string {
  const e = track.timeline[i];
  const ids = e.result.map((r) =>
    'execution_id' in r ? `execution ${r.execution_id} (${r.execution_step})` : `pipeline ${r.pipeline_id} (${r.pipeline_name})`,
  );
  return `run ${track.runId}: ${e.status}${e.httpStatus && e.httpStatus !== 200 ? ` (HTTP ${e.httpStatus})` : ''} at ${new Date(e.at).toISOString()}${ids.length ? ` — ${ids.join(', ')}` : ''}${e.note ? ` — ${e.note}` : ''}`;
}

export const exitCodeFor = (record: SentRecord, track: TrackedRun | null, tracking: boolean): number => {
  const ok = record.response !== undefined && record.response.status >= 200 && record.response.status < 300;
  if (!ok) return 1;
  if (!tracking) return 0;
  return track?.state === 'settled' && track.status === 'completed' ? 0 : 1;
};
