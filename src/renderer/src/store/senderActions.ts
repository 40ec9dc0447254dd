// Sender calls through the API; answers land in the sender slice.
import type { SigningProfile } from '../../../shared/signing/types';
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
    restore: () => patchSender((s) => {
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
