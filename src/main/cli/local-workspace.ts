// Reading <dataDir>/workspace.json without the workspace store: no lock, no migration, no write.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EnvVariable, Trigger } from '@shared/trigger';
import { CliError } from './command';

export interface LocalWorkspace {
  env: EnvVariable[];
  triggers: Trigger[];
  sections: Record<string, unknown>;
}

export async function readWorkspaceFile(dataDir: string): Promise<LocalWorkspace> {
  const file = join(dataDir, 'workspace.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { env: [], triggers: [], sections: {} };
    throw new CliError(`cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const doc = JSON.parse(text) as Partial<LocalWorkspace> & { secretEncoding?: string };
    // env values sealed by the desktop app's keychain cannot be read here: leave them out
    const env = doc.secretEncoding && doc.secretEncoding !== 'plain' ? (doc.env ?? []).filter((v) => !v.secret) : (doc.env ?? []);
    return { env, triggers: doc.triggers ?? [], sections: doc.sections ?? {} };
  } catch (err) {
    throw new CliError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
}
