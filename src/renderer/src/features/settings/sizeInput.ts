// Sizes typed by people: "26214400", "25 MB", "1.5GB", "512 kb" (1024-based, like the display).

const FACTORS: Record<string, number> = { b: 1, kb: 1024, k: 1024, mb: 1024 ** 2, m: 1024 ** 2, gb: 1024 ** 3, g: 1024 ** 3, tb: 1024 ** 4 };

export function parseSize(input: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(input);
  if (!match) return null;
  const factor = FACTORS[(match[2] || 'b').toLowerCase().replace(/ib$/, 'b')];
  if (!factor) return null;
  const bytes = Number(match[1]) * factor;
  return Number.isFinite(bytes) ? Math.round(bytes) : null;
}

/** The shortest exact way to write a size: "25 MB" when it is a whole number of MB, else bytes. */
export function sizeToInput(bytes: number): string {
  for (const [unit, factor] of [
    ['GB', 1024 ** 3],
    ['MB', 1024 ** 2],
    ['KB', 1024],
  ] as const) {
    if (bytes >= factor && bytes % factor === 0) return `${bytes / factor} ${unit}`;
  }
  return String(bytes);
}
