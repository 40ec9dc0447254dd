// Prefixes like "Bearer " or "JWT " are cut exactly, so a trailing space matters: show it.
export function showSpaces(text: string): string {
  return text.replace(/ /g, '·').replace(/\t/g, '→');
}

export function describePrefix(prefix: string): string | null {
  if (!prefix) return null;
  const trailing = prefix.length - prefix.trimEnd().length;
  const leading = prefix.length - prefix.trimStart().length;
  const notes = [`${prefix.length} char${prefix.length === 1 ? '' : 's'}`];
  if (trailing) notes.push(`ends with ${trailing} space${trailing === 1 ? '' : 's'}`);
  if (leading) notes.push(`starts with ${leading} space${leading === 1 ? '' : 's'}`);
  return notes.join(', ');
}
