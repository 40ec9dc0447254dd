// Pasted headers for the playground: one "Name: value" per line, in order, duplicates kept.
import type { HeaderTuple } from '@shared/capture';

export interface ParsedHeaders {
  headers: HeaderTuple[];
  /** 1-based numbers of lines that are not "Name: value" */
  badLines: number[];
}

export function parseHeaderLines(text: string): ParsedHeaders {
  const headers: HeaderTuple[] = [];
  const badLines: number[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!name || /\s/.test(name)) {
      badLines.push(i + 1);
      return;
    }
    // as an HTTP parser would: whitespace around the value is not part of it
    headers.push([name, line.slice(colon + 1).trim()]);
  });
  return { headers, badLines };
}
