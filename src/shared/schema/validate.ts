// Running a schema: the parsed value, or every problem with its JSON path (and line:column
// when the source text is known). Validators throw the first problem, like they always did.
import type { z } from 'zod';
import { ValidationError } from '../api-error';
import { pathToText, schemaProblems, type SchemaProblem } from './issues';
import { positionOfPath } from './json-locate';

export type CheckResult<T> = { ok: true; data: T } | { ok: false; problems: SchemaProblem[] };

export interface CheckOptions {
  /** prefix of every path, e.g. "notifications" when a section is checked on its own */
  basePath?: string;
  /** the JSON text the value was parsed from: problems then carry line and column */
  text?: string;
}

export function checkWith<S extends z.ZodType>(schema: S, value: unknown, opts: CheckOptions = {}): CheckResult<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const problems = schemaProblems(result.error, value).map((p) => {
    const withBase = { ...p, pathText: pathToText(p.path, opts.basePath ?? '') };
    if (opts.text === undefined) return withBase;
    const unknownField = p.problem.startsWith('unknown field');
    const at = positionOfPath(opts.text, p.path, { atKey: unknownField });
    return at ? { ...withBase, ...at } : withBase;
  });
  return { ok: false, problems };
}

/** "path: problem (line L, column C)" */
export function formatProblem(p: SchemaProblem): string {
  const where = p.line !== undefined ? ` (line ${p.line}, column ${p.column})` : '';
  return `${p.pathText ? `${p.pathText}: ` : ''}${p.problem}${where}`;
}

/** Parses or throws the first problem, built by `toError` (default: a ValidationError with its path, "path: problem"). */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  basePath = '',
  toError: (p: SchemaProblem) => Error = (p) => new ValidationError(p.pathText, p.problem),
): z.output<S> {
  const result = checkWith(schema, value, { basePath });
  if (result.ok) return result.data;
  throw toError(result.problems[0]);
}
