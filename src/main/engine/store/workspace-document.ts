// The workspace document as stored in workspace.json, its migrations and its shape checks.
import { DEFAULT_SETTINGS, type Settings } from '@shared/settings';
import { TRIGGER_ID_PATTERN, type EnvVariable, type Trigger } from '@shared/trigger';
import { defaultSections, validateSections, type WorkspaceSectionValues } from '@shared/workspace-section-registry';
import { issue, isObject, mergeSettings, settingsProblem, type PathProblem } from './settings-validation';
import { ApiError } from '@shared/api-error';
import { errorMessage } from '@shared/error-message';

export const WORKSPACE_SCHEMA_VERSION = 1;

/** how secret env values are written: as-is (headless) or through the OS keychain codec */
export type SecretEncoding = 'plain' | 'os';

export interface WorkspaceDocument {
  schemaVersion: number;
  secretEncoding: SecretEncoding;
  settings: Settings;
  env: EnvVariable[];
  triggers: Trigger[];
  /** sections that features own (see shared/workspace-section-registry.ts) */
  sections: WorkspaceSectionValues;
}

/** migrations[n] turns a version-n document into a version n+1 one; a file without schemaVersion is version 0 */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

export const WORKSPACE_MIGRATIONS: readonly Migration[] = [
  // 0 → 1: files written before versioning only lacked the version itself
  (doc) => ({ ...doc, schemaVersion: 1 }),
];

export function defaultDocument(): WorkspaceDocument {
  return {
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
    secretEncoding: 'plain',
    settings: structuredClone(DEFAULT_SETTINGS),
    env: [],
    triggers: [],
    sections: defaultSections(),
  };
}

/** brings a parsed document up to `target`, or explains why it cannot */
export function migrateDocument(
  doc: Record<string, unknown>,
  migrations: readonly Migration[],
  target: number,
): { doc: Record<string, unknown>; from: number } | { problem: string } {
  const version = doc.schemaVersion ?? 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return { problem: 'schemaVersion must be a non-negative integer' };
  if (version > target) return { problem: `schemaVersion ${version} is newer than this version of Hookbench understands (${target})` };
  let current = doc;
  for (let v = version; v < target; v++) {
    const step = migrations[v];
    if (!step) return { problem: `no migration from schemaVersion ${v}` };
    current = step(current);
  }
  return { doc: { ...current, schemaVersion: target }, from: version };
}

/** fills missing parts with defaults, then returns the first shape problem as "path message" */
export function normaliseDocument(doc: Record<string, unknown>): { doc: WorkspaceDocument } | { problem: string } {
  const settings = doc.settings ?? {};
  if (!isObject(settings)) return { problem: 'settings must be an object' };
  const merged = mergeSettings(DEFAULT_SETTINGS, settings);
  const settingsIssue = settingsProblem(merged);
  if (settingsIssue) return { problem: settingsIssue };
  const env = doc.env ?? [];
  const envIssue = envProblem(env);
  if (envIssue) return { problem: envIssue };
  const triggers = doc.triggers ?? [];
  const triggerIssue = triggersProblem(triggers);
  if (triggerIssue) return { problem: triggerIssue };
  const encoding = doc.secretEncoding ?? 'plain';
  if (encoding !== 'plain' && encoding !== 'os') return { problem: 'secretEncoding must be "plain" or "os"' };
  let sections: WorkspaceSectionValues;
  try {
    sections = validateSections(isObject(doc.sections) ? doc.sections : {});
  } catch (error) {
    return { problem: `sections.${errorMessage(error)}` };
  }
  return {
    doc: {
      schemaVersion: doc.schemaVersion as number,
      secretEncoding: encoding,
      settings: merged,
      env: env as EnvVariable[],
      triggers: triggers as Trigger[],
      sections,
    },
  };
}

export function envIssue(env: unknown): PathProblem | null {
  if (!Array.isArray(env)) return issue('env', 'must be an array');
  const names = new Set<string>();
  for (let i = 0; i < env.length; i++) {
    const v: unknown = env[i];
    if (!isObject(v)) return issue(`env[${i}]`, `must be an object`);
    if (typeof v.name !== 'string' || !v.name) return issue(`env[${i}].name`, `must be a non-empty string`);
    if (names.has(v.name)) return issue(`env[${i}].name`, `"${v.name}" is defined twice`);
    names.add(v.name);
    if (typeof v.value !== 'string') return issue(`env[${i}].value`, `must be a string`);
    if (typeof v.secret !== 'boolean') return issue(`env[${i}].secret`, `must be true or false`);
  }
  return null;
}

/** the outer shape only: conditions and actions are checked by the trigger editor's validator */
export function triggersIssue(triggers: unknown): PathProblem | null {
  if (!Array.isArray(triggers)) return issue('triggers', 'must be an array');
  const ids = new Set<string>();
  for (let i = 0; i < triggers.length; i++) {
    const t: unknown = triggers[i];
    if (!isObject(t)) return issue(`triggers[${i}]`, `must be an object`);
    if (typeof t.id !== 'string' || !TRIGGER_ID_PATTERN.test(t.id)) return issue(`triggers[${i}].id`, `must match ${TRIGGER_ID_PATTERN.source}`);
    if (ids.has(t.id)) return issue(`triggers[${i}].id`, `"${t.id}" is used twice`);
    ids.add(t.id);
    if (typeof t.title !== 'string') return issue(`triggers[${i}].title`, `must be a string`);
    if (typeof t.enabled !== 'boolean') return issue(`triggers[${i}].enabled`, `must be true or false`);
    if (!Array.isArray(t.conditions)) return issue(`triggers[${i}].conditions`, `must be an array`);
    if (!Array.isArray(t.actions)) return issue(`triggers[${i}].actions`, `must be an array`);
  }
  return null;
}

export function sectionsIssue(sections: WorkspaceSectionValues): PathProblem | null {
  try {
    validateSections(sections);
    return null;
  } catch (error) {
    // the section validators throw ValidationErrors with the path inside the section
    const path = error instanceof ApiError && error.path !== undefined ? `sections.${error.path}` : 'sections';
    return { path, message: `sections.${errorMessage(error)}` };
  }
}

export const envProblem = (env: unknown): string | null => envIssue(env)?.message ?? null;
export const triggersProblem = (triggers: unknown): string | null => triggersIssue(triggers)?.message ?? null;
export const sectionsProblem = (sections: WorkspaceSectionValues): string | null => sectionsIssue(sections)?.message ?? null;
