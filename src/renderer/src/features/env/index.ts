// The env feature's public surface: the Triggers page embeds the env panel and the workspace transfer.
export { EnvPanel } from './EnvPanel';
export { WorkspaceTransfer } from './WorkspaceTransfer';
export { useEnvList, type EnvList } from './useEnvList';
export { ENV_CHANGED_EVENT } from './useEnvList';
