// The workspace file (hookbench.json): parse, validate, export. The shapes are the zod schemas in
// shared/schema/; this file turns their problems into WorkspaceValidationErrors (JSON path, and
// line:column when the text is known) and writes exports (v2, secrets redacted unless asked).
import type { EnvVariable, Trigger } from '../trigger';
import type { NotificationsSection } from '../notifications';
import type { ProjectSection } from '../project';
import type { Settings } from '../settings';
import type { SigningProfile } from '../signing/types';
import { jsonErrorOffset, lineAndColumn } from '../json-position';
import { EnvSchema } from '../schema/env';
import { checkWith, parseOrThrow } from '../schema/validate';
import { WORKSPACE_SCHEMA_URL, WorkspaceFileSchema, type AnyWorkspaceFile, type WorkspaceFileV2 } from '../schema/workspace-file';
import { envReferences } from './secrets';
import { WorkspaceValidationError } from './validate-helpers';
import { actionSecrets, blankSecrets, conditionSecrets } from '../kinds/secrets';
import { replaceChannelSecrets } from '../kinds/channels';

export { WorkspaceValidationError } from './validate-helpers';
export { validateAction, validateCondition, validateTrigger } from './validate-trigger';

export function validateEnv(value: unknown, path = 'env'): EnvVariable[] {
  return parseOrThrow(EnvSchema, value, path, WorkspaceValidationError.from);
}

/** Validates a parsed workspace file (version 1 or 2); `text` adds line:column to the error. */
export function validateWorkspace(json: unknown, text?: string): AnyWorkspaceFile {
  const result = checkWith(WorkspaceFileSchema, json, text === undefined ? {} : { text });
  if (result.ok) return result.data;
  throw WorkspaceValidationError.from(result.problems[0]);
}

/** Every problem of a workspace file at once (for `hookbench validate`); [] when it is valid. */
export function workspaceProblems(text: string): { path: string; message: string; line?: number; column?: number }[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const e = syntaxError(text, err);
    return [{ path: '', message: e.message, line: e.line, column: e.column }];
  }
  const result = checkWith(WorkspaceFileSchema, json, { text });
  return result.ok ? [] : result.problems.map((p) => ({ path: p.pathText, message: p.problem, line: p.line, column: p.column }));
}

/** A version 1 file as version 2 (the sections it does not have stay absent). */
export function toVersion2(file: AnyWorkspaceFile): WorkspaceFileV2 {
  return file.version === 2 ? file : { version: 2, env: file.env, triggers: file.triggers };
}

/** JSON syntax errors carry a line and column; validation errors carry a JSON path (and a position). */
export class WorkspaceSyntaxError extends WorkspaceValidationError {
  override readonly line: number;
  override readonly column: number;
  constructor(message: string, line: number, column: number) {
    super('', `invalid JSON at line ${line}, column ${column}: ${message}`);
    this.name = 'WorkspaceSyntaxError';
    this.line = line;
    this.column = column;
  }
}

function syntaxError(text: string, err: unknown): WorkspaceSyntaxError {
  const message = (err as Error).message;
  const lc = message.match(/line (\d+) column (\d+)/);
  if (lc) return new WorkspaceSyntaxError(message, Number(lc[1]), Number(lc[2]));
  const pos = message.match(/position (\d+)/);
  const found = jsonErrorOffset(text);
  const at = lineAndColumn(text, pos ? Number(pos[1]) : found >= 0 ? found : text.length);
  return new WorkspaceSyntaxError(message, at.line, at.column);
}

export function parseWorkspaceJson(text: string): AnyWorkspaceFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw syntaxError(text, err);
  }
  return validateWorkspace(json, text);
}

const literal = (value: string): boolean => value.length > 0 && envReferences(value).length === 0;

/** What an export holds: every section the app keeps. */
export interface WorkspaceExportInput {
  env: readonly EnvVariable[];
  triggers: readonly Trigger[];
  project?: ProjectSection;
  notifications?: NotificationsSection;
  signingProfiles?: readonly SigningProfile[];
  settings?: Settings;
}

function redactTriggers(triggers: readonly Trigger[]): Trigger[] {
  return triggers.map((t) => ({
    ...t,
    // the kinds say which fields hold secrets (a public key is not one); text around {env:…}
    // references is punctuation in practice, so keeping it keeps the references
    conditions: t.conditions.map((c) => blankSecrets(c, conditionSecrets(c), literal)),
    actions: t.actions.map((a) => blankSecrets(a, actionSecrets(a), literal)),
  }));
}

function redactNotifications(n: NotificationsSection): NotificationsSection {
  return {
    ...n,
    // the channel types say which of their values are secrets
    channels: n.channels.map((c) => replaceChannelSecrets(c, (s) => (literal(s.value) ? '' : undefined))),
  };
}

function redactProfiles(profiles: readonly SigningProfile[]): SigningProfile[] {
  // a JWT profile's secret may be a public-key-only JWK or a private PEM: both are redacted unless they are references
  return profiles.map((p) => (literal(p.secret) ? { ...p, secret: '' } : p));
}

/**
 * Serialises the workspace as a version 2 file with "$schema". Without includeSecrets, secret env
 * values, literal secret keys, channel signing secrets, secret-looking channel headers and profile
 * secrets become "" (an importer treats an empty secret as "keep what you have").
 */
export function exportWorkspace(ws: WorkspaceExportInput, opts: { includeSecrets?: boolean } = {}): string {
  const keep = opts.includeSecrets === true;
  const file: Record<string, unknown> = {
    $schema: WORKSPACE_SCHEMA_URL,
    version: 2,
    env: keep ? ws.env : ws.env.map((v) => (v.secret ? { ...v, value: '' } : v)),
    triggers: keep ? ws.triggers : redactTriggers(ws.triggers),
  };
  if (ws.project) file.project = ws.project;
  if (ws.notifications) file.notifications = keep ? ws.notifications : redactNotifications(ws.notifications);
  if (ws.signingProfiles) file.signingProfiles = keep ? ws.signingProfiles : redactProfiles(ws.signingProfiles);
  if (ws.settings) file.settings = ws.settings;
  return JSON.stringify(file, null, 2);
}
