export const APP_NAME: string;
export function desktopDataDir(options?: { env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform; home?: string }): string;
