// `hookbench replay <capture-id> --to URL`: a captured request again, as-is or re-signed.
import type { SigningProfile, TrackedRun } from '@shared/signing/types';
import { openAccess } from '../access';
import type { ControlClient } from '../control-client';
import { parseOptions } from '../args';
import { SIGNING_OPTIONS } from './signing-options';
import { CliError, type Command, USAGE_EXIT_CODE } from '../command';
import { pickProfile, printOutcome } from './send';
import { errorMessage } from '@shared/error-message';

const usage = `Usage: hookbench replay <capture-id> --to URL [options]

Sends a captured request again: exactly as captured (bytes and header tuples), or re-signed
with a fresh timestamp and signature. Beside a running \`serve\` on the same data dir it
replays through serve's control API (the replay shows in its Sender history); when nothing runs
it reads the capture itself, read-only and without the data dir's lock, so several replays can
run at once. Find capture ids with \`hookbench captures list\`.
Exit codes: 0 on a 2xx answer (and, with --track, a run that settled as completed); 1 otherwise;
2 usage error.

Options:
  --to URL                  where to send (required)
  --resign                  re-sign: with --profile/--hmac/--jwt/--token, or else like the
                            trigger the capture was sent to
  --profile NAME            a saved signing profile (by name or id)
  --hmac SECRET[:ALG[:FORMAT]] | --jwt SECRET[:ALG] | --token SECRET
  --sig-header NAME, --prefix P, --timestamp-header NAME   as for \`hookbench send\`
  --track                   follow the run named in the response until it settles
  --track-timeout SECONDS   give up tracking after this long
  --data-dir DIR            where captures live (default $HOOKBENCH_DATA_DIR or ~/.hookbench/data; must exist)
  --json                    print the sent record as JSON
  -h, --help                show this help`;

const options = {
  to: { type: 'string' },
  resign: { type: 'boolean' },
  ...SIGNING_OPTIONS,
} as const;

async function run(argv: string[]): Promise<number> {
  const valued = new Set(
    Object.entries(options)
      .filter(([, o]) => o.type === 'string')
      .map(([k]) => `--${k}`),
  );
  const captureId = argv.find((a, i) => !a.startsWith('-') && (i === 0 || !valued.has(argv[i - 1])));
  const opts = parseOptions(
    argv.filter((_, i) => i !== argv.indexOf(captureId ?? '\0')),
    options,
  );
  if (opts.help) {
    console.log(usage);
    return 0;
  }
  if (!captureId) throw new CliError('which capture? hookbench replay <capture-id> --to URL', USAGE_EXIT_CODE);
  if (!opts.to) throw new CliError('--to URL is required (see --help)', USAGE_EXIT_CODE);
  try {
    new URL(opts.to);
  } catch {
    throw new CliError(`--to must be an absolute URL, got "${opts.to}"`, USAGE_EXIT_CODE);
  }
  const access = await openAccess(opts['data-dir']);
  const dataDir = access.dataDir;
  const picked = await pickProfile({ ...opts, 'data-dir': dataDir });
  if (!opts.resign && picked.profile) throw new CliError('a profile re-signs the request: add --resign', USAGE_EXIT_CODE);
  if (access.kind === 'serve') return replayThroughServe(access.client, captureId, opts, opts.resign ? picked.profile : null);
  const { openCaptureStore, capturesDir } = await import('../../engine/store/capture-store');
  const captures = await openCaptureStore(
    capturesDir(dataDir),
    { maxCaptures: Number.MAX_SAFE_INTEGER, maxBytes: Number.MAX_SAFE_INTEGER },
    { readOnly: true },
  );
  const { throwawaySender, trackOptions, describeTimelineEntry } = await import('../sender-support');
  let profile: SigningProfile | null = opts.resign ? picked.profile : null;
  let env = picked.env;
  try {
    const capture = await captures.get(captureId, 0);
    if (!capture) throw new CliError(`no capture has id ${captureId} in ${dataDir}`);
    if (opts.resign && !profile) {
      if (!capture.triggerId) throw new CliError('--resign needs a profile (--profile/--hmac/--jwt/--token): the capture was not sent to a trigger');
      const { readWorkspaceFile } = await import('../local-workspace');
      const saved = await readWorkspaceFile(dataDir);
      const trigger = saved.triggers.find((t) => t.id === capture.triggerId);
      const { profileFromTrigger } = await import('@shared/signing/from-trigger');
      profile = trigger ? profileFromTrigger(trigger, 'trigger') : null;
      if (!profile) throw new CliError(`trigger ${capture.triggerId} has nothing to sign like; pass --profile/--hmac/--jwt/--token`);
      env = { ...env, ...Object.fromEntries(saved.env.map((v) => [v.name, v.value])) };
    }
    const printed = new Map<string, number>();
    const { sender, close } = await throwawaySender({
      env,
      profiles: picked.profiles,
      captures,
      emit: (event) => {
        if (event.type !== 'sender.track' || opts.json) return;
        for (let i = printed.get(event.track.id) ?? 0; i < event.track.timeline.length; i++) console.log(describeTimelineEntry(event.track, i));
        printed.set(event.track.id, event.track.timeline.length);
      },
    });
    try {
      const sent = await sender.replay(
        { captureId, to: opts.to, ...(profile ? { profile } : {}), ...(opts.track ? { track: trackOptions(process.env, opts['track-timeout']) } : {}) },
        'replay',
      );
      if (!opts.json && sent.record.changed?.length) {
        for (const c of sent.record.changed) console.log(`~ ${c.name}: ${c.before ?? '(none)'} -> ${c.after ?? '(removed)'}`);
      }
      return await printOutcome(sent, opts.track === true, opts.json === true, (id) => sender.tracker.settled(id));
    } finally {
      await close();
    }
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(errorMessage(err));
  } finally {
    await captures.close();
  }
}

/** Beside a running serve: its engine replays (and tracks), so the replay is in its history. */
async function replayThroughServe(
  client: ControlClient,
  captureId: string,
  opts: { to?: string; track?: boolean; json?: boolean },
  profile: SigningProfile | null,
): Promise<number> {
  const args = { captureId, to: opts.to, ...(profile ? { profile } : {}), ...(opts.track ? { track: true } : {}) };
  const record = await client.call('sender.replay', args);
  if (!record) throw new CliError(`no capture has id ${captureId}`);
  const { describeResponse, exitCodeFor } = await import('../sender-support');
  let track: TrackedRun | null = null;
  if (opts.track && record.runId) {
    for (;;) {
      track = (await client.call('sender.tracks')).find((t) => t.sentId === record.id) ?? null;
      if (!track || track.state !== 'polling') break;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  if (opts.json) console.log(JSON.stringify({ record, track }, null, 2));
  else {
    for (const c of record.changed ?? []) console.log(`~ ${c.name}: ${c.before ?? '(none)'} -> ${c.after ?? '(removed)'}`);
    console.log(describeResponse(record));
    if (track) console.log(`run ${track.runId}: ${track.status ?? track.state}`);
  }
  return exitCodeFor(record, track, opts.track === true);
}

export const replayCommand: Command = {
  name: 'replay',
  summary: 'send a captured request again, as-is or re-signed',
  usage,
  run,
};
