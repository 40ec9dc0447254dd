export function downloadElectron(options?: { root?: string; env?: NodeJS.ProcessEnv }): Promise<string | null>;
export function summariseInstallerOutput(output: string): string | null;
