// Engine info, settings and navigation.
import type { SettingsPatch } from '@shared/settings';
import { api } from '../api';
import { describeError } from '../api/envelope';
import { useAppStore } from './store';
import type { PageId } from './types';

const { setState } = useAppStore;

export async function loadEngineInfo(): Promise<void> {
  try {
    const engine = await api['engine.info']();
    setState((state) => ({ ui: { ...state.ui, engine, engineError: null } }));
  } catch (error) {
    setState((state) => ({ ui: { ...state.ui, engineError: describeError(error) } }));
  }
}

export async function loadSettings(): Promise<void> {
  try {
    const value = await api['settings.get']();
    setState({ settings: { value, error: null } });
  } catch (error) {
    setState((state) => ({ settings: { ...state.settings, error: describeError(error) } }));
  }
}

/** Rejects with the engine's ApiError (code, message, path) so the form can show it by its field. */
export async function updateSettings(patch: SettingsPatch): Promise<void> {
  const value = await api['settings.update'](patch);
  setState({ settings: { value, error: null } });
  await loadEngineInfo();
}

export function navigate(page: PageId) {
  setState((state) => ({ ui: { ...state.ui, page } }));
}
