// Sender calls through the API; answers land in the sender slice.
import type { ApiArgs } from '@shared/contract';
import type { SentRecord, SigningProfile } from '@shared/signing/types';
import { api } from '../api';
import { describeError } from '../api/envelope';
import { deleteWithUndo } from '../lib/undoable';
import { navigate } from './appActions';
import { SENDER_HISTORY_LIMIT, type SenderState } from './senderSlice';
import { useAppStore } from './store';

const { getState, setState } = useAppStore;

export function patchSender(patch: Partial<SenderState> | ((s: SenderState) => Partial<SenderState>)): void {
  setState((state) => ({ sender: { ...state.sender, ...(typeof patch === 'function' ? patch(state.sender) : patch) } }));
}

export async function loadSender(text?: string): Promise<void> {
  if (getState().sender.status === 'idle') patchSender({ status: 'loading' });
  try {
    const [history, tracks, profiles] = await Promise.all([
      api['sender.history']({ text, limit: SENDER_HISTORY_LIMIT }),
      api['sender.tracks'](),
      api['signing.listProfiles'](),
    ]);
    patchSender({ history, tracks: Object.fromEntries(tracks.map((t) => [t.id, t])), profiles, status: 'ready', error: null });
  } catch (error) {
    patchSender({ status: 'error', error: describeError(error) });
  }
}

export async function reloadProfiles(): Promise<void> {
  try {
    patchSender({ profiles: await api['signing.listProfiles']() });
  } catch (error) {
    patchSender({ error: describeError(error) });
  }
}

export async function saveProfile(profile: SigningProfile): Promise<SigningProfile> {
  const saved = await api['signing.saveProfile']({ profile });
  await reloadProfiles();
  return saved;
}

/** Takes the profile out of the list now; the engine deletes it when the undo window closes. */
export function deleteProfile(profile: SigningProfile): void {
  const at = getState().sender.profiles.findIndex((p) => p.id === profile.id);
  patchSender((s) => ({ profiles: s.profiles.filter((p) => p.id !== profile.id) }));
  deleteWithUndo({
    label: `Deleted signing profile “${profile.name}”.`,
    commit: async () => {
      await api['signing.deleteProfile']({ id: profile.id });
      await reloadProfiles();
    },
    restore: () =>
      patchSender((s) => {
        if (s.profiles.some((p) => p.id === profile.id)) return {};
        const profiles = [...s.profiles];
        profiles.splice(at < 0 ? profiles.length : Math.min(at, profiles.length), 0, profile);
        return { profiles };
      }),
  });
}

/** From the inbox's capture detail: open the Sender with the replay panel on this capture. */
export function replayCapture(captureId: string): void {
  patchSender({ replayCaptureId: captureId });
  navigate('sender');
}

/** The record goes on top of the history and into the response view. */
function showSent(record: SentRecord): SentRecord {
  patchSender((s) => ({ shownId: record.id, history: [record, ...s.history.filter((r) => r.id !== record.id)] }));
  return record;
}

export const previewSend = (draft: ApiArgs<'sender.preview'>) => api['sender.preview'](draft);
export const sendDraft = async (args: ApiArgs<'sender.send'>) => showSent(await api['sender.send'](args));
/** null when the capture is gone */
export async function replaySent(args: ApiArgs<'sender.replay'>): Promise<SentRecord | null> {
  const record = await api['sender.replay'](args);
  return record ? showSent(record) : null;
}
export const runNegativeMatrix = (draft: ApiArgs<'sender.matrix'>) => api['sender.matrix'](draft);
export async function startBulkReplay(args: ApiArgs<'sender.bulkReplay'>): Promise<void> {
  patchSender({ bulk: await api['sender.bulkReplay'](args) });
}
export const cancelBulkReplay = (bulkId: string) => api['sender.bulkCancel']({ bulkId });
export const stopTracking = (id: string) => api['sender.stopTrack']({ id });
export const exportDraft = (args: ApiArgs<'sender.export'>) => api['sender.export'](args);
export const exportHar = (args: ApiArgs<'sender.exportHar'>) => api['sender.exportHar'](args);
export const profileFromTrigger = (triggerId: string) => api['signing.fromTrigger']({ triggerId });
export const generateKeyPair = (args: ApiArgs<'signing.generateKeys'>) => api['signing.generateKeys'](args);
