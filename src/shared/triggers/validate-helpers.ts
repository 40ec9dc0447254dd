// Small checkers for the workspace validator: each failure names the JSON path it is about.
import { ValidationError } from '../api-error';

export class WorkspaceValidationError extends ValidationError {
  constructor(path: string, problem: string) {
    super(path, problem);
    this.name = 'WorkspaceValidationError';
  }
}

export type Obj = Record<string, unknown>;

export const fail = (path: string, problem: string): never => {
  throw new WorkspaceValidationError(path, problem);
};

export const join = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

export function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

export function asObject(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, `must be an object, got ${describeType(v)}`);
  return v as Obj;
}

export function asArray(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) fail(path, `must be an array, got ${describeType(v)}`);
  return v as unknown[];
}

/** Unknown fields are errors: they are usually typos that would silently change behaviour. */
export function onlyKeys(o: Obj, allowed: readonly string[], path: string): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) fail(join(path, k), `unknown field (allowed: ${allowed.join(', ')})`);
}

export function str(o: Obj, key: string, path: string, opts: { optional?: boolean; nonEmpty?: boolean } = {}): string | undefined {
  const v = o[key];
  if (v === undefined && opts.optional) return undefined;
  if (v === undefined) fail(join(path, key), 'is required');
  if (typeof v !== 'string') fail(join(path, key), `must be a string, got ${describeType(v)}`);
  if (opts.nonEmpty && (v as string).length === 0) fail(join(path, key), 'must not be empty');
  return v as string;
}

export function num(o: Obj, key: string, path: string, opts: { optional?: boolean; min?: number; integer?: boolean; positive?: boolean } = {}): number | undefined {
  const v = o[key];
  if (v === undefined && opts.optional) return undefined;
  if (v === undefined) fail(join(path, key), 'is required');
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(join(path, key), `must be a number, got ${describeType(v)}`);
  const n = v as number;
  if (opts.integer && !Number.isInteger(n)) fail(join(path, key), 'must be a whole number');
  if (opts.min !== undefined && n < opts.min) fail(join(path, key), `must be at least ${opts.min}`);
  if (opts.positive && n <= 0) fail(join(path, key), 'must be greater than 0');
  return n;
}

export function bool(o: Obj, key: string, path: string, fallback: boolean): boolean {
  const v = o[key];
  if (v === undefined) return fallback;
  if (typeof v !== 'boolean') fail(join(path, key), `must be true or false, got ${describeType(v)}`);
  return v as boolean;
}

export function oneOf<T extends string>(o: Obj, key: string, allowed: readonly T[], path: string, opts: { optional?: boolean } = {}): T | undefined {
  const v = o[key];
  if (v === undefined && opts.optional) return undefined;
  if (v === undefined) fail(join(path, key), `is required (one of ${allowed.join(', ')})`);
  if (typeof v !== 'string' || !allowed.includes(v as T)) fail(join(path, key), `must be one of ${allowed.join(', ')}${typeof v === 'string' ? `, got ${JSON.stringify(v)}` : ''}`);
  return v as T;
}
