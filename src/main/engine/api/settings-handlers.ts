// Settings calls. A receiver address change moves the running receiver; if the new address
// cannot be listened on, the old settings are restored and the reason is returned.
import { ApiError, type ApiHandlers } from '@shared/contract';
import type { Settings, SettingsPatch } from '@shared/settings';
import { STORAGE_ERROR_CODE, describeStorageFailure, isStorageFailure } from '../store/storage-error';
import type { EngineContext } from '../context';
import { errorMessage } from '@shared/error-message';

type SettingsHandlers = Pick<ApiHandlers, 'settings.get' | 'settings.update'>;

const sameAddress = (a: Settings['receiver'], b: Settings['receiver']): boolean => a.host === b.host && a.port === b.port;

export function settingsHandlers(ctx: () => EngineContext): SettingsHandlers {
  return {
    'settings.get': async () => ctx().workspace.settings(),
    'settings.update': async (patch) => applySettings(ctx(), patch ?? {}),
  };
}

/** Saves a settings change, moves the receiver when its address changed and applies new retention. */
export async function applySettings(context: EngineContext, patch: SettingsPatch): Promise<Settings> {
  const { workspace, receiver, captures, events, now } = context;
  const before = workspace.settings();
  const after = await asApiError(() => workspace.updateSettings(patch));
  if (!sameAddress(before.receiver, after.receiver)) {
    try {
      await receiver.move(after.receiver);
    } catch (error) {
      await workspace.updateSettings({ receiver: before.receiver });
      throw new ApiError('receiver_listen', errorMessage(error), 'receiver');
    }
  }
  if (before.retention.maxCaptures !== after.retention.maxCaptures || before.retention.maxBytes !== after.retention.maxBytes) {
    await captures.setRetention(after.retention);
  }
  events.emit({ type: 'settings.changed', at: now(), settings: after });
  return after;
}

/** Validation errors of the stores become ApiErrors with the field path when one is named. */
export async function asApiError<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    // validation problems are ApiErrors with their path from the source (ValidationError,
    // StoreValidationError); a storage failure gets its own code; nothing is read from message text
    if (error instanceof ApiError) throw error;
    if (isStorageFailure(error)) throw new ApiError(STORAGE_ERROR_CODE, describeStorageFailure(error));
    throw new ApiError('invalid', errorMessage(error));
  }
}
