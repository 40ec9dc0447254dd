// Query string and urlencoded form parsing into ordered pairs (duplicates kept).

export type Pair = [name: string, value: string];

export function parseUrlEncoded(text: string): Pair[] {
  const pairs: Pair[] = [];
  for (const [name, value] of new URLSearchParams(text)) pairs.push([name, value]);
  return pairs;
}

/** The query of a raw request target ("/hook?a=1&a=2"), or [] when there is none. */
export function parseQuery(rawUrl: string): Pair[] {
  const index = rawUrl.indexOf('?');
  if (index < 0) return [];
  const hash = rawUrl.indexOf('#', index);
  return parseUrlEncoded(rawUrl.slice(index + 1, hash < 0 ? undefined : hash));
}
