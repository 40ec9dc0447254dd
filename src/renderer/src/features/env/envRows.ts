// The env table being edited: rows with a client key, checked per row before env.save.
import { SECRET_PLACEHOLDER, type EnvVariable } from '@shared/trigger';

export interface EnvRow extends EnvVariable {
  key: number;
  /** the value is the placeholder of a stored secret the UI never saw */
  stored: boolean;
}

let nextKey = 0;

export const rowsFromEnv = (env: EnvVariable[]): EnvRow[] => env.map((v) => ({ ...v, key: ++nextKey, stored: v.secret && v.value === SECRET_PLACEHOLDER }));

export const newRow = (): EnvRow => ({ key: ++nextKey, name: '', value: '', secret: true, stored: false });

export const rowsToEnv = (rows: EnvRow[]): EnvVariable[] => rows.map(({ name, value, secret }) => ({ name: name.trim(), value, secret }));

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Problems by row key: bad or duplicate names, and un-hiding a secret whose value was never shown. */
export function rowProblems(rows: EnvRow[]): Record<number, string> {
  const out: Record<number, string> = {};
  const seen = new Map<string, number>();
  for (const row of rows) {
    const name = row.name.trim();
    if (!name) out[row.key] = 'Name is required.';
    else if (!NAME.test(name)) out[row.key] = 'Use letters, digits and _, not starting with a digit.';
    else if (seen.has(name)) out[row.key] = `Duplicate name ${name}.`;
    else if (!row.secret && row.value === SECRET_PLACEHOLDER && row.stored)
      out[row.key] = 'Type the value again to make it visible: the stored secret is never sent to the UI.';
    seen.set(name, row.key);
  }
  return out;
}
