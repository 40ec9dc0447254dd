// `hookbench send`: compose, sign and send one request; optionally follow the run it created.
import { readFile } from 'node:fs/promises';
import type { SigningProfile, TrackedRun } from '@shared/signing/types';
import type { HeaderTuple } from '@shared/capture';
import { parseOptions } from '../args';
import { SIGNING_OPTIONS } from './signing-options';
import { CliError, type Command, USAGE_EXIT_CODE } from '../command';
import { defaultDataDir } from '../serve/data-dir';
import { errorMessage } from '@shared/error-message';
import { loadExample } from '../examples/examples';
import { followLaunched } from './follow-runs';
import { profileFromFlags, SCHEMES, type SigningFlags } from './send-signing';

const usage = `Usage: hookbench send --url URL [options]

Sends one request, signed as asked, and prints the response.
Exit codes:
  0  a 2xx answer (with --track: and a trigger run that completed; with --follow: and every
     execution/pipeline it launched that could be followed completed)
  1  otherwise: no or a non-2xx answer, a trigger run that ended in error or was not found,
     a followed execution/pipeline that ended in error or was stopped, a timeout
  2  usage error (bad flags, a bad URL, an unreadable body or key file)

Options:
  --url URL                 where to send (required)
  --method M                HTTP method (default POST)
  --header "K: V"           a header; repeat for more
  --body @FILE | - | TEXT   the body: a file, stdin, or the text itself
  --example NAME            a real example payload with its sender's headers:
                            github:EVENT[.ACTION] (GitHub's published examples, e.g. github:push,
                            github:pull_request.opened), slack:slash-command,
                            stripe:payment_intent.succeeded | checkout.session.completed | invoice.paid
Signing (secrets may be {env:NAME}, read from the environment):
  --scheme NAME --secret S  sign like a provider: ${SCHEMES.join(', ')}
  --secret S                HMAC with the flags below (defaults: sha256, hex, {body}, Authorization)
  --algorithm A             sha1|sha256|sha512 (HMAC), or HS256…EdDSA (JWT)
  --encoding hex|base64     HMAC digest encoding
  --basestring FORMAT       what is signed, e.g. "{body}" or "v0:{header:X-Slack-Request-Timestamp}:{body}"
  --sig-header NAME         the header that carries the signature or token
  --prefix P                written before it (e.g. "sha256=")
  --timestamp-header NAME   write the UNIX time there on every send (sign it via {header:NAME})
  --jwt-key @FILE.pem       a JWT signed with this private key (--algorithm, default from the key)
  --jwt SECRET[:ALG]        a JWT with a shared secret (default HS256)
  --token SECRET            a static token
  --hmac SECRET[:ALG[:FORMAT]]  the old form; refused where it is ambiguous (use the flags above)
  --profile NAME            a saved signing profile (by name or id) from --data-dir
Runs:
  --track                   follow the trigger run named in the response until it settles
  --follow                  --track, then follow every execution and pipeline it launched to its
                            end. The trigger run is followed through the URL's run-info endpoint
                            (any Hookbench or compatible service); what it launched is read from
                            the serve of --data-dir (or the default data dir), or from its run
                            records when nothing runs there. When neither has them (another
                            Hookbench or a remote service) they are listed as not followed, with
                            why, and the exit code is the trigger run's.
  --track-timeout SECONDS   give up after this long (default 600)
  --timeout MS              request timeout (default 30000)
  --data-dir DIR            where saved profiles live / which serve to follow
  --json                    print the sent record (and tracked run) as JSON
  -h, --help                show this help`;

const options = {
  url: { type: 'string' },
  method: { type: 'string' },
  header: { type: 'string', multiple: true },
  body: { type: 'string' },
  example: { type: 'string' },
  scheme: { type: 'string' },
  secret: { type: 'string' },
  algorithm: { type: 'string' },
  encoding: { type: 'string' },
  basestring: { type: 'string' },
  'jwt-key': { type: 'string' },
  follow: { type: 'boolean' },
  ...SIGNING_OPTIONS,
  timeout: { type: 'string' },
} as const;

export function parseHeaders(values: string[] | undefined): HeaderTuple[] {
  return (values ?? []).map((h) => {
    const at = h.indexOf(':');
    if (at <= 0) throw new CliError(`--header must look like "Name: value", got "${h}"`, USAGE_EXIT_CODE);
    return [h.slice(0, at).trim(), h.slice(at + 1).trim()] as HeaderTuple;
  });
}

async function readBody(spec: string | undefined): Promise<Buffer> {
  if (spec === undefined) return Buffer.alloc(0);
  if (spec === '-') {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  }
  if (spec.startsWith('@')) {
    try {
      return await readFile(spec.slice(1));
    } catch (err) {
      throw new CliError(`cannot read the body file ${spec.slice(1)}: ${(err as NodeJS.ErrnoException).code ?? errorMessage(err)}`);
    }
  }
  return Buffer.from(spec, 'utf8');
}

/** Saved profiles and workspace env from a data dir (only read when --profile asks). */
export async function savedProfiles(dataDir: string): Promise<{ profiles: SigningProfile[]; env: Record<string, string> }> {
  const { openWorkspaceStore, plainSecretCodec } = await import('../../engine/store/workspace-store');
  const store = await openWorkspaceStore(dataDir, plainSecretCodec);
  const ws = store.get();
  const env = Object.fromEntries(ws.env.map((v) => [v.name, v.value]));
  return { profiles: (ws.sections.signingProfiles as SigningProfile[] | undefined) ?? [], env };
}

export async function pickProfile(opts: SigningFlags & { profile?: string; 'data-dir'?: string }) {
  const inline = profileFromFlags(opts);
  if (inline && opts.profile) throw new CliError('use either --profile or an inline --hmac/--jwt/--token', USAGE_EXIT_CODE);
  const processEnv = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
  if (!opts.profile) return { profile: inline, env: processEnv, profiles: [] as SigningProfile[] };
  const saved = await savedProfiles(opts['data-dir'] ?? defaultDataDir());
  const profile = saved.profiles.find((p) => p.id === opts.profile) ?? saved.profiles.find((p) => p.name === opts.profile);
  if (!profile) {
    const names = saved.profiles.map((p) => p.name).join(', ') || 'none saved';
    throw new CliError(`no signing profile named "${opts.profile}" (${names})`);
  }
  return { profile, env: { ...processEnv, ...saved.env }, profiles: saved.profiles };
}

export async function printOutcome(
  sent: { record: import('@shared/signing/types').SentRecord; track: TrackedRun | null },
  tracking: boolean,
  json: boolean,
  settle: (id: string) => Promise<TrackedRun>,
) {
  const { describeResponse, exitCodeFor } = await import('../sender-support');
  if (!json) console.log(describeResponse(sent.record));
  let track = sent.track;
  if (tracking && !track && !json) console.log('tracking: the response names no run id');
  if (track) track = await settle(track.id);
  if (json) console.log(JSON.stringify({ record: sent.record, track }, null, 2));
  else if (track && track.state !== 'settled') console.log(`run ${track.runId}: ${track.state}`);
  return exitCodeFor(sent.record, track, tracking);
}

async function run(argv: string[]): Promise<number> {
  const opts = parseOptions(argv, options);
  if (opts.help) {
    console.log(usage);
    return 0;
  }
  if (!opts.url) throw new CliError('--url is required (see --help)', USAGE_EXIT_CODE);
  let target: URL;
  try {
    target = new URL(opts.url);
  } catch {
    throw new CliError(`--url must be an absolute http(s) URL, got "${opts.url}"`, USAGE_EXIT_CODE);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new CliError(`--url must be http or https, got "${opts.url}"`, USAGE_EXIT_CODE);
  if (opts.example && opts.body !== undefined) throw new CliError('use either --body or --example', USAGE_EXIT_CODE);
  const example = opts.example ? await loadExample(opts.example) : null;
  const headers = [...(example?.headers ?? []), ...parseHeaders(opts.header)];
  const timeoutMs = opts.timeout !== undefined ? Number(opts.timeout) : undefined;
  if (timeoutMs !== undefined && !(timeoutMs > 0)) throw new CliError('--timeout must be a positive number of ms', USAGE_EXIT_CODE);
  const body = example ? example.body : await readBody(opts.body);
  const { profile, env, profiles } = await pickProfile(opts);
  const tracking = opts.track === true || opts.follow === true;
  const { throwawaySender, trackOptions, describeTimelineEntry } = await import('../sender-support');
  const printed = new Map<string, number>();
  const { sender, close } = await throwawaySender({
    env,
    profiles,
    emit: (event) => {
      if (event.type !== 'sender.track' || opts.json) return;
      const from = printed.get(event.track.id) ?? 0;
      for (let i = from; i < event.track.timeline.length; i++) console.log(describeTimelineEntry(event.track, i));
      printed.set(event.track.id, event.track.timeline.length);
    },
  });
  try {
    const sent = await sender.send(
      {
        url: opts.url,
        method: opts.method ?? 'POST',
        headers,
        bodyBase64: body.toString('base64'),
        ...(profile ? { profile } : {}),
        ...(timeoutMs ? { timeoutMs } : {}),
      },
      { source: 'cli', ...(tracking ? { track: trackOptions(process.env, opts['track-timeout']) } : {}) },
    );
    const code = await printOutcome(sent, tracking, opts.json === true, (id) => sender.tracker.settled(id));
    if (!opts.follow || !sent.track) return code;
    const settled = await sender.tracker.settled(sent.track.id);
    const followed = await followLaunched(settled, opts['data-dir'], opts.json === true, Number(opts['track-timeout'] ?? 600) * 1000);
    return code === 0 && followed === 0 ? 0 : 1;
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(errorMessage(err));
  } finally {
    await close();
  }
}

export const sendCommand: Command = {
  name: 'send',
  summary: 'sign and send a request; --track follows the run it created',
  usage,
  run,
};
