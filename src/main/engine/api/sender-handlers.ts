// Signing profiles, the composer, replay, bulk, matrix, history, tracking and exports.
import { ApiError, type ApiHandlers } from '@shared/contract';
import { profileFromTrigger } from '@shared/signing/from-trigger';
import { exportCode } from '@shared/signing/export-code';
import { exportCurl } from '@shared/signing/export-curl';
import { validateProfile } from '@shared/signing/validate-profile';
import type { SigningProfile } from '@shared/signing/types';
import { JWT_ALGORITHMS } from '@shared/trigger';
import { secretValues } from '@shared/triggers/secrets';
import type { EngineContext } from '../context';
import { exportHar, importHar } from '../sender/har';
import { generateKeys } from '../sender/keys';
import { runMatrix } from '../sender/matrix';
import { PROFILES_SECTION, TRIGGER_PROFILE_PREFIX, isLiteralSecret, maskProfile, redactProfiles, withStoredSecret } from '../sender/profiles';
import { draftRequest, SenderInputError } from '../sender/sender';
import { errorMessage } from '@shared/error-message';
import { isSymmetric } from '@shared/kinds/web-auth/jwt';

type SenderCalls = Extract<keyof ApiHandlers, `signing.${string}` | `sender.${string}`>;

const profilesOf = (c: EngineContext): SigningProfile[] => (c.workspace.get().sections[PROFILES_SECTION] as SigningProfile[] | undefined) ?? [];

export function senderHandlers(ctx: () => EngineContext): Pick<ApiHandlers, SenderCalls> {
  const s = () => ctx().sender;
  const newId = () => globalThis.crypto.randomUUID();

  return {
    'signing.listProfiles': async () => profilesOf(ctx()).map(maskProfile),

    'signing.saveProfile': async ({ profile, previousId }) => {
      const stored = profilesOf(ctx());
      const incoming = withStoredSecret(
        { ...profile, id: profile.id || newId() },
        stored.map((p) => (p.id === previousId ? { ...p, id: profile.id } : p)),
        ctx().workspace.get().triggers,
      );
      // a ValidationError with the problem's path ("profile.placement.key") when it is invalid
      const valid: SigningProfile = validateProfile(incoming, 'profile');
      await ctx().workspace.update((d) => {
        const list = ((d.sections[PROFILES_SECTION] as SigningProfile[] | undefined) ?? []).filter((p) => p.id !== valid.id && p.id !== previousId);
        d.sections[PROFILES_SECTION] = [...list, valid];
      });
      ctx().events.emit({ type: 'workspace.changed', at: ctx().now() });
      return maskProfile(valid);
    },

    'signing.deleteProfile': async ({ id }) => {
      const had = profilesOf(ctx()).some((p) => p.id === id);
      if (had) {
        await ctx().workspace.update((d) => {
          d.sections[PROFILES_SECTION] = ((d.sections[PROFILES_SECTION] as SigningProfile[]) ?? []).filter((p) => p.id !== id);
        });
        ctx().events.emit({ type: 'workspace.changed', at: ctx().now() });
      }
      return { deleted: had };
    },

    'signing.exportProfiles': async ({ includeSecrets }) => ({
      json: JSON.stringify({ signingProfiles: redactProfiles(profilesOf(ctx()), includeSecrets === true) }, null, 2),
    }),

    'signing.fromTrigger': async ({ triggerId }) => {
      const trigger = ctx()
        .workspace.get()
        .triggers.find((t) => t.id === triggerId);
      if (!trigger) throw new ApiError('not_found', `no trigger has id ${JSON.stringify(triggerId)}`, 'triggerId');
      let profile: SigningProfile | null;
      try {
        // the id tells the sender where a masked literal secret comes from (the trigger itself)
        profile = profileFromTrigger(trigger, `${TRIGGER_PROFILE_PREFIX}${trigger.id}`);
      } catch (err) {
        throw new ApiError('unsupported', errorMessage(err), 'triggerId');
      }
      if (!profile) throw new ApiError('unsupported', `trigger ${trigger.id} has no web-auth condition to sign for`, 'triggerId');
      return maskProfile(profile);
    },

    'signing.generateKeys': async ({ algorithm }) => {
      if (!JWT_ALGORITHMS.includes(algorithm) || isSymmetric(algorithm)) {
        throw new ApiError('invalid', `key pairs are for RS, PS, ES and EdDSA algorithms, not ${algorithm}`, 'algorithm');
      }
      return generateKeys(algorithm);
    },

    'sender.preview': (draft) => s().sender.preview(draft),
    'sender.send': async ({ draft, track }) => (await s().sender.send(draft, { source: 'composer', track })).record,
    'sender.replay': async (request) => ((await ctx().captures.get(request.captureId, 0)) ? (await s().sender.replay(request)).record : null),
    'sender.bulkReplay': async (request) => {
      if (!Array.isArray(request.captureIds) || request.captureIds.length === 0) throw new ApiError('invalid', 'pick at least one capture', 'captureIds');
      return s().bulk.start(request);
    },
    'sender.bulkCancel': async ({ bulkId }) => ({ cancelled: s().bulk.cancel(bulkId) }),
    'sender.matrix': (draft) => runMatrix(s().sender, draft),
    'sender.history': async (query) => s().history.listSent(query ?? {}),
    'sender.get': async ({ id }) => s().history.getSent(id),
    'sender.track': async ({ sentId, runId, jsonPath }) => (s().history.getSent(sentId) ? s().sender.track(sentId, { runId, jsonPath }) : null),
    'sender.tracks': async () => s().history.listTracks(),
    'sender.stopTrack': async ({ id }) => s().sender.tracker.stop(id),

    'sender.export': async ({ draft, sentId, format, includeSecrets }) => {
      let request,
        profile: SigningProfile | null = null;
      if (draft) {
        request = draftRequest(draft);
        profile = s().sender.resolveProfile(draft);
      } else {
        const record = sentId ? s().history.getSent(sentId) : null;
        if (!record) throw new SenderInputError('export needs a draft or the id of a sent request', 'sentId');
        // a sent request is exported exactly as it went out
        request = { ...record.request, body: new Uint8Array(Buffer.from(record.request.bodyBase64, 'base64')) };
      }
      const signed = profile ? await s().sender.sign(profile, request) : null;
      const literal = profile && isLiteralSecret(profile.secret) && includeSecrets === true;
      if (format === 'curl') return exportCurl(request, profile, signed, literal === true);
      return { text: exportCode(format, request, profile, signed, literal === true), warnings: [] };
    },

    'sender.exportHar': async ({ captureIds = [], sentIds = [], includeSecrets }) => {
      const c = ctx();
      const captures = [];
      for (const id of captureIds) {
        const capture = await c.captures.get(id, 0);
        const body = await c.captures.readBody(id);
        if (capture && body) captures.push({ capture, body, baseUrl: c.receiver.url() || 'http://127.0.0.1' });
      }
      const sent = sentIds.map((id) => c.sender.history.getSent(id)).filter((r) => r !== null);
      // literal secrets of profiles and of triggers (a static token sent in a query or body)
      const triggerSecrets = c.workspace
        .get()
        .triggers.flatMap((t) => t.conditions.flatMap((cond) => (cond.type === 'web-auth' && isLiteralSecret(cond.secretKey) ? [cond.secretKey] : [])));
      const secrets = secretValues(c.workspace.get().env, [
        ...profilesOf(c)
          .filter((p) => isLiteralSecret(p.secret))
          .map((p) => p.secret),
        ...triggerSecrets,
      ]);
      return { json: exportHar({ captures, sent }, { includeSecrets: includeSecrets === true, secrets }) };
    },

    'sender.importHar': async ({ har }) => {
      let records;
      try {
        records = importHar(har, ctx().now);
      } catch (err) {
        throw new ApiError('invalid', errorMessage(err), 'har');
      }
      for (const r of records) {
        await s().history.putSent(r);
        ctx().events.emit({ type: 'sender.sent', at: ctx().now(), record: r });
      }
      return { imported: records.length };
    },
  };
}
