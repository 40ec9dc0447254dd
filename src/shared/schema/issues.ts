// One vocabulary for schema problems: every zod issue becomes "<JSON path>: <what is wrong>",
// worded like the hand-written validators were ("must be a string, got a number",
// "unknown field (allowed: …)", "is required (one of …)").
import type { z } from 'zod';

export type JsonPath = readonly (string | number)[];

export interface SchemaProblem {
  /** e.g. ["triggers", 0, "conditions", 1, "tolerance"] */
  path: JsonPath;
  /** the same path as text: triggers[0].conditions[1].tolerance */
  pathText: string;
  /** what is wrong, without the path */
  problem: string;
  /** 1-based, when the source text is known */
  line?: number;
  column?: number;
}

/** a.b[0].c — how every validator in the app writes a JSON path */
export function pathToText(path: JsonPath, base = ''): string {
  let out = base;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out = out ? `${out}.${key}` : key;
  }
  return out;
}

export function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (v === undefined) return 'nothing';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  null: 'null',
  record: 'an object',
};

function valueAt(root: unknown, path: JsonPath): unknown {
  let at: unknown = root;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

const list = (values: readonly unknown[]) => values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');

/** The wording for one issue. `root` is the whole value that was checked (to show what was found). */
export function describeIssue(issue: z.core.$ZodIssue, root: unknown): { path: JsonPath; problem: string } {
  const path = issue.path as (string | number)[];
  const found = valueAt(root, path);
  // a message a schema gave on purpose wins; zod's defaults start with "Invalid"/"Too"/"Unrecognized"
  const own = !/^(Invalid|Too (small|big)|Unrecognized key)/.test(issue.message);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0];
      return { path: [...path, key], problem: own ? issue.message : 'unknown field' };
    }
    case 'invalid_type': {
      if (own) return { path, problem: issue.message };
      if (found === undefined) return { path, problem: 'is required' };
      if (issue.expected === 'int' && typeof found === 'number') return { path, problem: 'must be a whole number' };
      return { path, problem: `must be ${EXPECTED[issue.expected] ?? issue.expected}, got ${describeType(found)}` };
    }
    case 'invalid_value': {
      if (own) return { path, problem: issue.message };
      if (found === undefined) return { path, problem: `is required (one of ${list(issue.values)})` };
      if (issue.values.length === 1) return { path, problem: `must be ${JSON.stringify(issue.values[0])}, got ${JSON.stringify(found)}` };
      return {
        path,
        problem: `must be one of ${list(issue.values)}${typeof found === 'string' || typeof found === 'number' ? `, got ${JSON.stringify(found)}` : ''}`,
      };
    }
    case 'invalid_union': {
      if (own) return { path, problem: issue.message };
      const options = (issue as { options?: unknown[] }).options;
      if (options) {
        if (found === undefined) return { path, problem: `is required (one of ${list(options)})` };
        return {
          path,
          problem: `must be one of ${list(options)}${typeof found === 'string' || typeof found === 'number' ? `, got ${JSON.stringify(found)}` : ''}`,
        };
      }
      const first = issue.errors[0]?.[0];
      return first
        ? describeIssue({ ...first, path: [...path, ...first.path] } as z.core.$ZodIssue, root)
        : { path, problem: 'does not match any allowed shape' };
    }
    case 'too_small': {
      if (own) return { path, problem: issue.message };
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { path, problem: 'must not be empty' };
      if (issue.origin === 'array') return { path, problem: `needs at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}` };
      return { path, problem: issue.inclusive ? `must be at least ${issue.minimum}` : `must be greater than ${issue.minimum}` };
    }
    case 'too_big': {
      if (own) return { path, problem: issue.message };
      if (issue.origin === 'string' || issue.origin === 'array')
        return { path, problem: `must have at most ${issue.maximum} ${issue.origin === 'string' ? 'characters' : 'items'}` };
      return { path, problem: issue.inclusive ? `must be at most ${issue.maximum}` : `must be less than ${issue.maximum}` };
    }
    default:
      return { path, problem: own ? issue.message : issue.message.replace(/^Invalid input: ?/, 'invalid: ') };
  }
}

/** Every issue of a failed parse as problems, in the order zod found them. */
export function schemaProblems(error: z.ZodError, root: unknown): SchemaProblem[] {
  return error.issues.map((issue) => {
    const { path, problem } = describeIssue(issue, root);
    return { path, pathText: pathToText(path), problem };
  });
}
