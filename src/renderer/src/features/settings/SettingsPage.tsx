import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '@shared/contract';
import type { Settings } from '@shared/settings';
import { describeError } from '../../api/envelope';
import { updateSettings } from '../../store/appActions';
import { selectSettings, selectSettingsError } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { SettingsForm } from './SettingsForm';
import { draftToPatch, fieldForPath, toDraft, validateDraft } from './settingsForm';
import type { DraftField, SettingsDraft } from './settingsForm';
import { ThemePicker } from './ThemePicker';
import './settings.css';

export function SettingsPage() {
  const settings = useAppStore(selectSettings);
  const loadError = useAppStore(selectSettingsError);
  if (!settings) {
    return (
      <div className="settings">
        {loadError ? (
          <p className="banner banner-error" role="alert">
            Could not load settings: {loadError}
          </p>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </div>
    );
  }
  return <LoadedSettings settings={settings} />;
}

type SaveState =
  { status: 'idle' } | { status: 'saving' } | { status: 'saved' } | { status: 'failed'; message: string; field: DraftField | null; path?: string };

function LoadedSettings({ settings }: { settings: Settings }) {
  const [draft, setDraft] = useState<SettingsDraft>(() => toDraft(settings));
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  const [base, setBase] = useState(settings);

  // settings changed elsewhere (another window, the CLI): take them unless the user is editing
  useEffect(() => {
    if (settings === base) return;
    setBase(settings);
    setDraft((current) => (isSame(current, toDraft(base)) ? toDraft(settings) : current));
  }, [settings, base]);

  const errors = useMemo(() => validateDraft(draft), [draft]);
  const valid = Object.keys(errors).length === 0;
  const patch = valid ? draftToPatch(draft, settings) : null;
  const dirty = patch !== null ? Object.keys(patch).length > 0 : true;

  const onChange = (field: DraftField, value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    if (save.status !== 'saving') setSave({ status: 'idle' });
  };

  const onSubmit = async () => {
    if (!patch || !Object.keys(patch).length) return;
    setSave({ status: 'saving' });
    try {
      await updateSettings(patch);
      setSave({ status: 'saved' });
    } catch (error) {
      const path = error instanceof ApiError ? error.path : undefined;
      setSave({ status: 'failed', message: describeError(error), field: fieldForPath(path), path });
    }
  };

  const serverErrors = save.status === 'failed' && save.field ? { [save.field]: save.message } : {};
  return (
    <div className="settings" data-testid="settings-page">
      <h1>Settings</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void onSubmit();
        }}
        noValidate
      >
        <SettingsForm draft={draft} errors={{ ...errors, ...serverErrors }} onChange={onChange} />
        <div className="settings-actions">
          <button type="submit" className="button button-primary" data-testid="settings-save" disabled={!valid || !dirty || save.status === 'saving'}>
            {save.status === 'saving' ? 'Saving…' : 'Save'}
          </button>
          <button
            type="button"
            className="button"
            disabled={!dirty || save.status === 'saving'}
            onClick={() => {
              setDraft(toDraft(settings));
              setSave({ status: 'idle' });
            }}
          >
            Discard changes
          </button>
          {save.status === 'saved' && (
            <span className="settings-saved" data-testid="settings-saved">
              Saved.
            </span>
          )}
        </div>
        {save.status === 'failed' && (
          <p className="banner banner-error" role="alert" data-testid="settings-server-error">
            The engine refused the change: {save.message}
          </p>
        )}
      </form>
      <section className="settings-section">
        <h2>Appearance</h2>
        <ThemePicker value={settings.theme} />
      </section>
    </div>
  );
}

const isSame = (a: SettingsDraft, b: SettingsDraft) => (Object.keys(a) as DraftField[]).every((key) => a[key] === b[key]);
