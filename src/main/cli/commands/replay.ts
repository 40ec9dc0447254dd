// `hookbench replay <capture-id> --to URL`: a captured request again, as-is or re-signed.
import type { SigningProfile } from '../../../shared/signing/types';
import { parseOptions } from '../args';
import { SIGNING_OPTIONS } from './signing-options';
import { CliError, type Command, USAGE_EXIT_CODE } from '../command';
import { defaultDataDir } from '../serve/data-dir';
import { pickProfile, printOutcome, savedProfiles } from './send';
import { errorMessage } from '../../../shared/error-message';

const usage = `Usage: hookbench replay <capture-id> --to URL [options]

Sends a captured request again: exactly as captured (bytes and header tuples), or re-signed
with a fresh timestamp and signature. It reads the data dir itself, so it refuses while a
\`serve\` or the desktop app uses the same data dir: replay from the Sender page then.
Exit code: 0 on a 2xx answer (and, with --track, a run that settled as completed); 1 otherwise.

Options:
  --to URL                  where to send (required)
  --resign                  re-sign: with --profile/--hmac/--jwt/--token, or else like the
                            trigger the capture was sent to
  --profile NAME            a saved signing profile (by name or id)
  --hmac SECRET[:ALG[:FORMAT]] | --jwt SECRET[:ALG] | --token SECRET
  --sig-header NAME, --prefix P, --timestamp-header NAME   as for \`hookbench send\`
  --track                   follow the run named in the response until it settles
  --track-timeout SECONDS   give up tracking after this long
  --data-dir DIR            where captures live (default $HOOKBENCH_DATA_DIR or ~/.hookbench/data)
  --json                    print the sent record as JSON
  -h, --help                show this help`;

const options = {
  to: { type: 'string' },
  resign: { type: 'boolean' },
  ...SIGNING_OPTIONS,
} as const;

async function run(argv: string[]): Promise<number> {
  const valued = new Set(Object.entries(options).filter(([, o]) => o.type === 'string').map(([k]) => `--${k}`));
  const captureId = argv.find((a, i) => !a.startsWith('-') && (i === 0 || !valued.has(argv[i - 1])));
  const opts = parseOptions(argv.filter((_, i) => i !== argv.indexOf(captureId ?? '\0')), options);
  if (opts.help) {
    console.log(usage);
    return 0;
  }
  if (!captureId) throw new CliError('which capture? hookbench replay <capture-id> --to URL', USAGE_EXIT_CODE);
  if (!opts.to) throw new CliError('--to URL is required (see --help)', USAGE_EXIT_CODE);
  const dataDir = opts['data-dir'] ?? defaultDataDir();
  const picked = await pickProfile({ ...opts, 'data-dir': dataDir });
  const { openCaptureStore, capturesDir } = await import('../../engine/store/capture-store');
  const { lockDataDir } = await import('../../engine/store/data-dir-lock');
  const lock = await lockDataDir(dataDir).catch((error: Error) => {
    throw new CliError(`${error.message} (replay from the Sender page while it runs)`);
  });
  const captures = await openCaptureStore(capturesDir(dataDir), { maxCaptures: Number.MAX_SAFE_INTEGER, maxBytes: Number.MAX_SAFE_INTEGER });
  const { throwawaySender, trackOptions, describeTimelineEntry } = await import('../sender-support');
  let profile: SigningProfile | null = opts.resign ? picked.profile : null;
  let env = picked.env;
  if (!opts.resign && picked.profile) throw new CliError('a profile re-signs the request: add --resign', USAGE_EXIT_CODE);
  try {
    const capture = await captures.get(captureId, 0);
    if (!capture) throw new CliError(`no capture has id ${captureId} in ${dataDir}`);
    if (opts.resign && !profile) {
      if (!capture.triggerId) throw new CliError('--resign needs a profile (--profile/--hmac/--jwt/--token): the capture was not sent to a trigger');
      const saved = await savedProfiles(dataDir);
      const { openWorkspaceStore, plainSecretCodec } = await import('../../engine/store/workspace-store');
      const trigger = (await openWorkspaceStore(dataDir, plainSecretCodec)).get().triggers.find((t) => t.id === capture.triggerId);
      const { profileFromTrigger } = await import('../../../shared/signing/from-trigger');
      profile = trigger ? profileFromTrigger(trigger, 'trigger') : null;
      if (!profile) throw new CliError(`trigger ${capture.triggerId} has nothing to sign like; pass --profile/--hmac/--jwt/--token`);
      env = { ...env, ...saved.env };
    }
    const printed = new Map<string, number>();
    const { sender, close } = await throwawaySender({
      env, profiles: picked.profiles, captures,
      emit: (event) => {
        if (event.type !== 'sender.track' || opts.json) return;
        for (let i = printed.get(event.track.id) ?? 0; i < event.track.timeline.length; i++) console.log(describeTimelineEntry(event.track, i));
        printed.set(event.track.id, event.track.timeline.length);
      },
    });
    try {
      const sent = await sender.replay({ captureId, to: opts.to, ...(profile ? { profile } : {}), ...(opts.track ? { track: trackOptions(process.env, opts['track-timeout']) } : {}) }, 'replay');
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
    await lock.release();
  }
}

export const replayCommand: Command = {
  name: 'replay',
  summary: 'send a captured request again, as-is or re-signed',
  usage,
  run,
};
