// Small helpers over node:util parseArgs so every command reports bad options the same way.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError, USAGE_EXIT_CODE } from './command';
import { errorMessage } from '@shared/error-message';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseOptions<T extends Options>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new CliError(`${errorMessage(err)} (see --help)`, USAGE_EXIT_CODE);
  }
}

export function portOption(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new CliError(`${flag} must be a port number between 0 and 65535, got "${value}"`, USAGE_EXIT_CODE);
  }
  return port;
}
