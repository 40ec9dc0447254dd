// What every CLI command looks like, and the one kind of error the CLI prints as one line.

export interface Command {
  name: string;
  /** one line, for `hookbench --help` */
  summary: string;
  /** the full `hookbench <name> --help` text */
  usage: string;
  /** resolves with the exit code once the command is done (serve: once it has shut down) */
  run(argv: string[]): Promise<number>;
}

/** A failure the user can act on: printed as `hookbench: <message>`, no stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export const USAGE_EXIT_CODE = 2;

export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
