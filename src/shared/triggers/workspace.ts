// The workspace file (hookbench.json): parse, validate, export.
import type { EnvVariable, WebAuthCondition, WorkspaceFile } from '../trigger';
import { jsonErrorOffset, lineAndColumn } from '../json-position';
import { envReferences } from './secrets';
import { asArray, asObject, bool, fail, join, onlyKeys, str, WorkspaceValidationError } from './validate-helpers';
import { validateTrigger } from './validate-trigger';
import { errorMessage } from '../error-message';
import { webAuthKind } from '../kinds/web-auth';

export { WorkspaceValidationError } from './validate-helpers';
export { validateAction, validateCondition, validateTrigger } from './validate-trigger';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function validateEnv(value: unknown, path = 'env'): EnvVariable[] {
  const seen = new Set<string>();
  return asArray(value, path).map((item, i) => {
    const p = join(path, i);
    const o = asObject(item, p);
    onlyKeys(o, ['name', 'value', 'secret'], p);
    const name = str(o, 'name', p, { nonEmpty: true })!;
    if (!ENV_NAME.test(name)) fail(join(p, 'name'), 'must start with a letter or _ and contain only letters, digits and _');
    if (seen.has(name)) fail(join(p, 'name'), `duplicate variable ${JSON.stringify(name)}`);
    seen.add(name);
    return { name, value: str(o, 'value', p)!, secret: bool(o, 'secret', p, false) };
  });
}

export function validateWorkspace(json: unknown): WorkspaceFile {
  const o = asObject(json, '');
  onlyKeys(o, ['version', 'env', 'triggers'], '');
  if (o.version !== 1) fail('version', `must be 1, got ${JSON.stringify(o.version) ?? 'nothing'}`);
  const env = o.env === undefined ? [] : validateEnv(o.env);
  const triggers = o.triggers === undefined ? [] : asArray(o.triggers, 'triggers').map((t, i) => validateTrigger(t, join('triggers', i)));
  const ids = new Set<string>();
  triggers.forEach((t, i) => {
    if (ids.has(t.id)) fail(join(join('triggers', i), 'id'), `duplicate trigger id ${JSON.stringify(t.id)}`);
    ids.add(t.id);
  });
  return { version: 1, env, triggers };
}

/** JSON syntax errors carry a line and column; validation errors carry a JSON path. */
export class WorkspaceSyntaxError extends WorkspaceValidationError {
  readonly line: number;
  readonly column: number;
  constructor(message: string, line: number, column: number) {
    super('', `invalid JSON at line ${line}, column ${column}: ${message}`);
    this.name = 'WorkspaceSyntaxError';
    this.line = line;
    this.column = column;
  }
}

export function parseWorkspaceJson(text: string): WorkspaceFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const message = errorMessage(err);
    const lc = message.match(/line (\d+) column (\d+)/);
    if (lc) throw new WorkspaceSyntaxError(message, Number(lc[1]), Number(lc[2]));
    const pos = message.match(/position (\d+)/);
    const found = jsonErrorOffset(text);
    const at = lineAndColumn(text, pos ? Number(pos[1]) : found >= 0 ? found : text.length);
    throw new WorkspaceSyntaxError(message, at.line, at.column);
  }
  return validateWorkspace(json);
}

/** Public keys are not secrets (the auth type says which keys are); a literal secret key is. */
function literalSecretKey(c: WebAuthCondition): boolean {
  // text around {env:...} references is punctuation in practice; keeping it keeps the references
  if (envReferences(c.secretKey).length > 0) return false;
  if (webAuthKind(c)?.secretKeyIsSecret(c) === false) return false;
  return c.secretKey.length > 0;
}

/**
 * Serialises the workspace. Without includeSecrets, secret env values and literal secret
 * keys become "" (an importer treats an empty secret as "keep what you have").
 */
export function exportWorkspace(ws: WorkspaceFile, opts: { includeSecrets?: boolean } = {}): string {
  if (opts.includeSecrets) return JSON.stringify(ws, null, 2);
  const redacted: WorkspaceFile = {
    version: 1,
    env: ws.env.map((v) => (v.secret ? { ...v, value: '' } : v)),
    triggers: ws.triggers.map((t) => ({
      ...t,
      conditions: t.conditions.map((c) =>
        c.type === 'web-auth' && literalSecretKey(c) ? { ...c, secretKey: '' } : c),
    })),
  };
  return JSON.stringify(redacted, null, 2);
}
