// Parameter values of a step and how they reach its command: {parameters} becomes the
// `--name=value` arguments the service passes, {parameter:name} one of them, {parameter-value:name} the bare value.
import type { ProjectStep, StepParameter } from '@shared/project';

export function defaultParameters(step: ProjectStep | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of step?.parameters ?? []) {
    if (p.default !== undefined && p.default !== null) out[p.name] = p.default;
    else if (p.type === 'flag') out[p.name] = false;
  }
  return out;
}

/** Coerces a value carried along a parameter edge to the target's declared type. */
export function coerceParameter(param: StepParameter | undefined, value: unknown): unknown {
  if (!param) return value;
  if (param.type === 'integer' || param.type === 'float') {
    const n = Number(value);
    return Number.isFinite(n) ? (param.type === 'integer' ? Math.trunc(n) : n) : value;
  }
  if (param.type === 'flag') return value === true || value === 'true' || value === 1 || value === '1';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A value that cannot become a command argument (argv strings end at a NUL byte). */
export class CommandRenderError extends Error {
  override name = 'CommandRenderError';
}

const BARE_WORD = /^[A-Za-z0-9_\-.,:/@%+]+$/;

/**
 * POSIX single quoting: inside '…' the shell gives no character a meaning, so the only thing to
 * escape is the quote itself ('\'' closes, adds a literal quote, reopens). Words made only of
 * characters no shell treats specially stay bare; `=` is not among them (a bare `A=b` first word
 * would be an assignment, not a command).
 */
export function shellQuote(value: string): string {
  if (value.includes('\0')) throw new CommandRenderError('a parameter value holds a NUL byte, which no command argument can carry');
  return BARE_WORD.test(value) ? value : `'${value.replace(/'/g, () => `'\\''`)}'`;
}

const asText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** The CLI argument of one parameter, already shell-quoted; null when it passes nothing. */
export function parameterArgument(param: StepParameter | undefined, name: string, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (param?.type === 'flag') return value === true ? shellQuote(param.passAs && !param.passAs.includes('{v}') ? param.passAs : `--${name}`) : null;
  const text = asText(value);
  const template = param?.passAs ?? `--${name}={v}`;
  // a function replacer: `$&`, `$$`, `` $` `` and `$'` in the value stay literal text
  return shellQuote(template.replace(/\{v\}/g, () => text));
}

/** {parameters}, {parameter:name} or {parameter-value:name}, found in one pass over a line */
const PLACEHOLDER = /\{(?:(parameters)|parameter:([^}]+)|parameter-value:([^}]+))\}/g;

/**
 * Each command line with its placeholders replaced in a single left-to-right pass: text a value
 * brought in is never scanned again, so a value holding `{parameter-value:x}` stays that text,
 * and every value reaches the shell single-quoted, as exactly one word.
 */
export function renderCommand(lines: string[], step: ProjectStep | undefined, values: Record<string, unknown>): string[] {
  const declared = new Map((step?.parameters ?? []).map((p) => [p.name, p]));
  let all: string | null = null;
  const allArguments = (): string =>
    (all ??= Object.keys(values)
      .map((name) => parameterArgument(declared.get(name), name, values[name]))
      .filter((a): a is string => a !== null)
      .join(' '));
  return lines.map((line) =>
    line.replace(PLACEHOLDER, (_match, everything: string | undefined, argumentName: string | undefined, valueName: string | undefined) => {
      if (everything) return allArguments();
      if (argumentName !== undefined) return parameterArgument(declared.get(argumentName), argumentName, values[argumentName]) ?? '';
      const value = values[valueName!];
      return shellQuote(value === undefined || value === null ? '' : asText(value));
    }),
  );
}
