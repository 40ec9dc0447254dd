// Where a JSON path points in the source text: so a schema problem at
// "triggers[0].conditions[1].tolerance" is also reported as line 12, column 24.
import { lineAndColumn } from '../json-position';
import type { JsonPath } from './issues';

interface Node {
  start: number;
  /** object members: key → [offset of the key, the value] */
  members?: Map<string, [number, Node]>;
  items?: Node[];
}

/** A position-recording JSON reader; returns null for text that is not JSON. */
function read(text: string): Node | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const string = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (): Node => {
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      const members = new Map<string, [number, Node]>();
      ws();
      if (text[i] === '}') {
        i++;
        return { start, members };
      }
      for (;;) {
        ws();
        const keyAt = i;
        if (text[i] !== '"') throw new Error('key');
        const key = string();
        ws();
        if (text[i] !== ':') throw new Error(':');
        i++;
        members.set(key, [keyAt, value()]);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return { start, members };
        }
        throw new Error('}');
      }
    }
    if (c === '[') {
      i++;
      const items: Node[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return { start, items };
      }
      for (;;) {
        items.push(value());
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return { start, items };
        }
        throw new Error(']');
      }
    }
    if (c === '"') {
      string();
      return { start };
    }
    const m = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!m) throw new Error('value');
    i += m[0].length;
    return { start };
  };
  try {
    return value();
  } catch {
    return null;
  }
}

/**
 * The offset the path points at: the value when it exists, the key for an unknown field,
 * else the nearest existing parent (a missing field is reported at its object).
 */
export function offsetOfPath(text: string, path: JsonPath, opts: { atKey?: boolean } = {}): number | null {
  const root = read(text);
  if (!root) return null;
  let node = root;
  for (let k = 0; k < path.length; k++) {
    const key = path[k];
    if (typeof key === 'number' && node.items && node.items[key]) {
      node = node.items[key];
      continue;
    }
    const member = node.members?.get(String(key));
    if (!member) return node.start;
    // an unknown field: point at its key
    if (k === path.length - 1 && opts.atKey) return member[0];
    node = member[1];
  }
  return node.start;
}

export function positionOfPath(text: string, path: JsonPath, opts: { atKey?: boolean } = {}): { line: number; column: number } | null {
  const offset = offsetOfPath(text, path, opts);
  return offset === null ? null : lineAndColumn(text, offset);
}
