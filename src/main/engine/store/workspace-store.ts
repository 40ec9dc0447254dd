// The workspace (settings, env, triggers) in <dataDir>/workspace.json through lowdb.
// A broken file is reported with its position and never overwritten; secrets pass through
// the SecretCodec on their way to and from disk; the file is only ever readable by its owner.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { TextFile } from 'lowdb/node';
import type { Settings, SettingsPatch } from '@shared/settings';
import type { EnvVariable, Trigger } from '@shared/trigger';
import type { WorkspaceSectionValues } from '@shared/workspace-section-registry';
import type { SecretCodec } from '../ports';
import { describeJsonError } from '@shared/json-position';
import { makePrivateDir } from './private-files';
import { SerialLock } from './serial-lock';
import { applySettingsPatch, isObject, settingsIssue, StoreValidationError } from './settings-validation';
import {
  WORKSPACE_MIGRATIONS,
  WORKSPACE_SCHEMA_VERSION,
  defaultDocument,
  envIssue,
  migrateDocument,
  normaliseDocument,
  sectionsIssue,
  triggersIssue,
  type Migration,
  type WorkspaceDocument,
} from './workspace-document';
import { errorMessage } from '@shared/error-message';

export { SettingsError } from './settings-validation';
export { WORKSPACE_SCHEMA_VERSION, type Migration } from './workspace-document';

/** The workspace in memory: secrets in plain text. Snapshots are replaced, never mutated. */
export interface Workspace {
  schemaVersion: number;
  settings: Settings;
  env: EnvVariable[];
  triggers: Trigger[];
  /** sections that features own, validated by their registered validators */
  sections: WorkspaceSectionValues;
}

export interface WorkspaceStore {
  readonly file: string;
  /** false in headless mode: secret env values are stored as-is */
  readonly secretsEncrypted: boolean;
  get(): Readonly<Workspace>;
  /** the mutator edits a copy; the copy is validated and written before it replaces the current one */
  update(mutator: (draft: Workspace) => void | Workspace): Promise<Workspace>;
  settings(): Settings;
  updateSettings(patch: SettingsPatch): Promise<Settings>;
}

export interface WorkspaceStoreOptions {
  /** for tests of the migration hook */
  migrations?: readonly Migration[];
  schemaVersion?: number;
}

/** The file exists but cannot be used; it is left untouched. */
export class WorkspaceFileError extends Error {
  override name = 'WorkspaceFileError';
}

/** A change that would make the workspace invalid; nothing was written. */
/** An update that would leave the workspace invalid: code "invalid" with the offending path. */
export class WorkspaceValidationError extends StoreValidationError {
  override name = 'WorkspaceValidationError';
}

export const plainSecretCodec: SecretCodec = { encrypted: false, encrypt: (s) => s, decrypt: (s) => s };

export const WORKSPACE_FILE = 'workspace.json';

export async function openWorkspaceStore(dataDir: string, codec: SecretCodec = plainSecretCodec, options: WorkspaceStoreOptions = {}): Promise<WorkspaceStore> {
  await makePrivateDir(dataDir);
  const file = path.join(dataDir, WORKSPACE_FILE);
  const adapter = new WorkspaceFileAdapter(file, options.migrations ?? WORKSPACE_MIGRATIONS, options.schemaVersion ?? WORKSPACE_SCHEMA_VERSION);
  const db = new Low<WorkspaceDocument>(adapter, defaultDocument());
  await db.read();
  const current = decodeSecrets(file, db.data, codec);
  if (adapter.needsWrite) {
    if (adapter.migratedFrom !== null) await backup(file, adapter.migratedFrom);
    db.data = encodeSecrets(current, codec);
    await db.write();
  }
  return new LowWorkspaceStore(file, db, codec, current);
}

class LowWorkspaceStore implements WorkspaceStore {
  private readonly lock = new SerialLock();

  constructor(
    readonly file: string,
    private readonly db: Low<WorkspaceDocument>,
    private readonly codec: SecretCodec,
    private current: Workspace,
  ) {}

  get secretsEncrypted(): boolean {
    return this.codec.encrypted;
  }

  get(): Readonly<Workspace> {
    return this.current;
  }

  settings(): Settings {
    return this.current.settings;
  }

  update(mutator: (draft: Workspace) => void | Workspace): Promise<Workspace> {
    return this.lock.run(async () => {
      const draft = structuredClone(this.current);
      const next = mutator(draft) ?? draft;
      const problem = settingsIssue(next.settings) ?? envIssue(next.env) ?? triggersIssue(next.triggers) ?? sectionsIssue(next.sections);
      if (problem) throw new WorkspaceValidationError(problem);
      this.db.data = encodeSecrets(next, this.codec);
      await this.db.write();
      this.current = next;
      return next;
    });
  }

  async updateSettings(patch: SettingsPatch): Promise<Settings> {
    const next = await this.update((draft) => {
      draft.settings = applySettingsPatch(draft.settings, patch);
    });
    return next.settings;
  }
}

class WorkspaceFileAdapter implements Adapter<WorkspaceDocument> {
  private readonly text: TextFile;
  needsWrite = false;
  migratedFrom: number | null = null;

  constructor(
    private readonly file: string,
    private readonly migrations: readonly Migration[],
    private readonly target: number,
  ) {
    this.text = new TextFile(file);
  }

  async read(): Promise<WorkspaceDocument | null> {
    const raw = await this.text.read();
    if (raw === null) {
      this.needsWrite = true;
      return null;
    }
    const fail = (problem: string): never => {
      throw new WorkspaceFileError(`${this.file}: ${problem}`);
    };
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      fail(describeJsonError(raw, error));
    }
    if (!isObject(parsed)) return fail('the top level must be a JSON object');
    const migrated = migrateDocument(parsed, this.migrations, this.target);
    if ('problem' in migrated) return fail(migrated.problem);
    const normal = normaliseDocument(migrated.doc);
    if ('problem' in normal) return fail(normal.problem);
    if (migrated.from !== this.target) {
      this.migratedFrom = migrated.from;
      this.needsWrite = true;
    }
    return normal.doc;
  }

  async write(doc: WorkspaceDocument): Promise<void> {
    // steno writes `.workspace.json.tmp` and renames it; creating that file first with 0600
    // makes the renamed file owner-only from its first byte
    const temp = path.join(path.dirname(this.file), `.${path.basename(this.file)}.tmp`);
    try {
      const handle = await fs.open(temp, 'a', 0o600);
      await handle.chmod(0o600).finally(() => handle.close());
      await this.text.write(`${JSON.stringify(doc, null, 2)}\n`);
    } catch (error) {
      // a failed write (disk full, no permission) leaves workspace.json as it was and no temp file
      await fs.rm(temp, { force: true }).catch(() => undefined);
      throw error;
    }
  }
}

async function backup(file: string, version: number): Promise<void> {
  await fs.copyFile(file, `${file}.v${version}.bak`);
  await fs.chmod(`${file}.v${version}.bak`, 0o600);
}

function decodeSecrets(file: string, doc: WorkspaceDocument, codec: SecretCodec): Workspace {
  const env = doc.env.map((v, i) => {
    if (!v.secret || doc.secretEncoding === 'plain') return { ...v };
    if (!codec.encrypted) {
      throw new WorkspaceFileError(`${file}: env[${i}] "${v.name}" was encrypted with the desktop app's OS keychain and cannot be read here`);
    }
    try {
      return { ...v, value: codec.decrypt(v.value) };
    } catch (error) {
      throw new WorkspaceFileError(`${file}: env[${i}] "${v.name}" could not be decrypted: ${errorMessage(error)}`);
    }
  });
  return { schemaVersion: doc.schemaVersion, settings: doc.settings, env, triggers: doc.triggers, sections: doc.sections };
}

function encodeSecrets(workspace: Workspace, codec: SecretCodec): WorkspaceDocument {
  return {
    schemaVersion: workspace.schemaVersion,
    secretEncoding: codec.encrypted ? 'os' : 'plain',
    settings: workspace.settings,
    env: workspace.env.map((v) => (v.secret && codec.encrypted ? { ...v, value: codec.encrypt(v.value) } : v)),
    triggers: workspace.triggers,
    sections: workspace.sections,
  };
}
