// Variables and the workspace file through the API (the env page keeps its rows locally until Save).
import type { ApiArgs } from '@shared/contract';
import type { EnvVariable } from '@shared/trigger';
import { api } from '../api';

export const listEnv = () => api['env.list']();
export const saveEnv = (env: EnvVariable[]) => api['env.save']({ env });
export const exportWorkspace = (includeSecrets: boolean) => api['workspace.export']({ includeSecrets });
export const importWorkspace = (args: ApiArgs<'workspace.import'>) => api['workspace.import'](args);

/** Adds or replaces one secret variable (the stored list answers secret values as the placeholder, and saving it keeps them). */
export async function defineSecret(name: string, value: string): Promise<void> {
  const current = await listEnv();
  await saveEnv([...current.filter((v) => v.name !== name), { name, value, secret: true }]);
}
