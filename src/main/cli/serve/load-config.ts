import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { ApiError } from '../../../shared/contract';
import type { WorkspaceFile } from '../../../shared/trigger';
import { parseWorkspaceJson } from '../../../shared/triggers/workspace';
import { CliError } from '../command';

/** Reads and validates hookbench.json; a problem becomes one line naming the JSON path. */
export async function loadConfig(file: string): Promise<WorkspaceFile> {
  const path = resolve(file);
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read config ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return parseWorkspaceJson(text);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    // validator messages start with the path already; add it when one does not
    const message = err.path && !err.message.startsWith(err.path) ? `${err.path}: ${err.message}` : err.message;
    throw new CliError(`invalid config ${path}: ${message}`);
  }
}
