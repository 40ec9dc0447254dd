// Applies the theme as data-theme on <html>: the setting when it is light or dark, else the
// OS preference, followed live. The last choice is remembered so a reload does not flash.
import { useAppStore } from '../store/store';
import type { ThemePreference } from '@shared/settings';

const KEY = 'hookbench.theme';

export function resolveTheme(preference: ThemePreference, prefersDark: boolean): 'light' | 'dark' {
  if (preference === 'system') return prefersDark ? 'dark' : 'light';
  return preference;
}

export function startThemeSync(): () => void {
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  let preference: ThemePreference = (localStorage.getItem(KEY) as ThemePreference | null) ?? 'system';
  const apply = () => {
    document.documentElement.dataset.theme = resolveTheme(preference, media.matches);
  };
  apply();
  media.addEventListener('change', apply);
  const stop = useAppStore.subscribe((state) => {
    const next = state.settings.value?.theme;
    if (!next || next === preference) return;
    preference = next;
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // not remembered; still applied
    }
    apply();
  });
  return () => {
    media.removeEventListener('change', apply);
    stop();
  };
}
