// Parameter values of a step and how they reach its command: {parameters} becomes the
// `--name=value` arguments the service passes, {parameter:name} one of them, {parameter-value:name} the bare value.
import type { ProjectStep, StepParameter } from '../../../shared/project';

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

export const shellQuote = (value: string): string => (/^[A-Za-z0-9_\-.,:/=@%+]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);

/** The CLI argument of one parameter, already shell-quoted; null when it passes nothing. */
export function parameterArgument(param: StepParameter | undefined, name: string, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (param?.type === 'flag') return value === true ? shellQuote(param.passAs && !param.passAs.includes('{v}') ? param.passAs : `--${name}`) : null;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const template = param?.passAs ?? `--${name}={v}`;
  return shellQuote(template.replace(/\{v\}/g, text));
}

export function renderCommand(lines: string[], step: ProjectStep | undefined, values: Record<string, unknown>): string[] {
  const declared = new Map((step?.parameters ?? []).map((p) => [p.name, p]));
  const all = Object.keys(values)
    .map((name) => parameterArgument(declared.get(name), name, values[name]))
    .filter((a): a is string => a !== null)
    .join(' ');
  return lines.map((line) =>
    line
      .replace(/\{parameters\}/g, all)
      .replace(/\{parameter:([^}]+)\}/g, (_, name: string) => parameterArgument(declared.get(name), name, values[name]) ?? '')
      .replace(/\{parameter-value:([^}]+)\}/g, (_, name: string) => shellQuote(values[name] === undefined ? '' : String(values[name]))),
  );
}
