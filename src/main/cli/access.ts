// How a CLI command reaches a data dir: through the running `serve` that owns it (its control
// API), or — when nothing runs — by reading the files itself, read-only and without the lock.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError, USAGE_EXIT_CODE } from './command';
import { controlClient, type ControlClient } from './control-client';
import { readControlFile } from './control-file';
import { defaultDataDir } from './serve/data-dir';

export type Access = { kind: 'serve'; dataDir: string; client: ControlClient } | { kind: 'local'; dataDir: string };

/** The options every data command takes. */
export const COMMON_OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommand<T extends Options>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (err) {
    throw new CliError(`${(err as Error).message} (see --help)`, USAGE_EXIT_CODE);
  }
}

/** A data dir that exists: only `serve` creates one, so a mistyped --data-dir is an error here. */
export function existingDataDir(flag: string | undefined): string {
  const dir = resolve(flag ?? defaultDataDir());
  const isDir = existsSync(dir) && statSync(dir).isDirectory();
  if (!isDir || !(existsSync(join(dir, 'workspace.json')) || existsSync(join(dir, 'captures')))) {
    throw new CliError(`no Hookbench data dir at ${dir} (only \`hookbench serve\` creates one; check --data-dir or $HOOKBENCH_DATA_DIR)`);
  }
  return dir;
}

export async function openAccess(flag: string | undefined): Promise<Access> {
  const dataDir = existingDataDir(flag);
  const endpoint = await readControlFile(dataDir);
  return endpoint ? { kind: 'serve', dataDir, client: controlClient(endpoint) } : { kind: 'local', dataDir };
}

export function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new CliError(`${flag} must be a positive whole number, got "${value}"`, USAGE_EXIT_CODE);
  return Number(value);
}

export const printJson = (value: unknown): void => console.log(JSON.stringify(value, null, 2));

export const time = (ms: number): string =>
  new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');

/** Columns padded to the widest cell. */
export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')).join('\n');
}
