export type ElectronBinary = { path: string; version: string } | { missing: string; version: string | null };
export function findElectronBinary(options?: { root?: string; env?: NodeJS.ProcessEnv }): ElectronBinary;
