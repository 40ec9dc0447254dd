// What loading a workspace file (serve --config, import) does to the workspace: env and triggers
// replace or merge; each section the file carries (project, notifications, signingProfiles,
// settings) replaces the stored one; sections it leaves out stay as they are.
import { SECRET_PLACEHOLDER, type EnvVariable } from '@shared/trigger';
import type { WorkspaceFileV2 } from '@shared/schema/workspace-file';
import type { Workspace } from '../store/workspace-store';

export type ImportMode = 'merge' | 'replace';

/** An incoming secret that is the placeholder (or empty, from a redacted export) keeps the stored value. */
export function keepStoredSecrets(incoming: readonly EnvVariable[], stored: readonly EnvVariable[], placeholders: string[]): EnvVariable[] {
  const byName = new Map(stored.map((v) => [v.name, v]));
  return incoming.map((v) => {
    const old = byName.get(v.name);
    return v.secret && old && placeholders.includes(v.value) ? { ...v, value: old.value } : v;
  });
}

/** Items of `incoming` replace those with the same key in place; new ones are appended. */
export function mergeBy<T>(existing: readonly T[], incoming: readonly T[], key: (item: T) => string): T[] {
  const replacements = new Map(incoming.map((item) => [key(item), item]));
  const merged = existing.map((item) => replacements.get(key(item)) ?? item);
  const known = new Set(existing.map(key));
  return [...merged, ...incoming.filter((item) => !known.has(key(item)))];
}

/** Applies the file to a draft of the workspace (settings included: the caller moves the receiver). */
export function applyWorkspaceFile(draft: Workspace, file: WorkspaceFileV2, mode: ImportMode): void {
  const env = keepStoredSecrets(file.env, draft.env, ['', SECRET_PLACEHOLDER]);
  if (mode === 'replace') {
    draft.env = env;
    draft.triggers = file.triggers;
  } else {
    draft.env = mergeBy(draft.env, env, (v) => v.name);
    draft.triggers = mergeBy(draft.triggers, file.triggers, (t) => t.id);
  }
  const sections = { ...draft.sections };
  if (file.project) sections.project = file.project;
  if (file.notifications) sections.notifications = file.notifications;
  if (file.signingProfiles) sections.signingProfiles = file.signingProfiles;
  draft.sections = sections;
  if (file.settings) draft.settings = file.settings;
}
