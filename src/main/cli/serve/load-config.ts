import { promises as fs } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ApiError } from '@shared/contract';
import type { WorkspaceFileV2 } from '@shared/schema/workspace-file';
import { parseWorkspaceJson, toVersion2 } from '@shared/triggers/workspace';
import { CliError } from '../command';

/** A workspace file whose project folder is resolved against the file's own folder. */
export function resolveProjectFolder(file: WorkspaceFileV2, configPath: string): WorkspaceFileV2 {
  if (!file.project?.folder) return file;
  return { ...file, project: { ...file.project, folder: resolve(dirname(configPath), file.project.folder) } };
}

/** Parses and validates hookbench.json text (v1 or v2); a problem names the JSON path and line:column. */
export function parseConfigText(text: string, path: string): WorkspaceFileV2 {
  try {
    return resolveProjectFolder(toVersion2(parseWorkspaceJson(text)), path);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    // validator messages start with the path already; add it when one does not
    const message = err.path && !err.message.startsWith(err.path) ? `${err.path}: ${err.message}` : err.message;
    throw new CliError(`invalid config ${path}: ${message}`);
  }
}

/** Reads and validates hookbench.json; a problem becomes one line naming the JSON path. */
export async function loadConfig(file: string): Promise<WorkspaceFileV2> {
  const path = resolve(file);
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read config ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseConfigText(text, path);
}
