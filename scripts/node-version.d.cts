export function requiredNodeRange(root?: string): string;
export function satisfies(version: string, range: string): boolean;
