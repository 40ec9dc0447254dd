// `hookbench <command>`: the headless entry point (npm run hookbench -- <command>).
import { CliError, type Command, oneLine, USAGE_EXIT_CODE } from './command';
import { serveCommand } from './commands/serve';
import { replayCommand } from './commands/replay';
import { sendCommand } from './commands/send';
import { validateCommand } from './commands/validate';
import { capturesCommand } from './commands/captures';
import { triggersCommand } from './commands/triggers';
import { logCommand } from './commands/log';
import { runsCommand } from './commands/runs';
import { notifyCommand } from './commands/notify';

const COMMANDS: Command[] = [
  serveCommand,
  validateCommand,
  sendCommand,
  replayCommand,
  capturesCommand,
  triggersCommand,
  logCommand,
  runsCommand,
  notifyCommand,
];

function topUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: hookbench <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `hookbench <command> --help` for the options and exit codes of a command.',
    'Exit codes: 0 done, 1 failed (each command says when), 2 usage error.',
  ].join('\n');
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(topUsage());
    return name === undefined ? USAGE_EXIT_CODE : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new CliError(`unknown command "${name}" (try hookbench --help)`, USAGE_EXIT_CODE);
  return command.run(rest);
}

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // a handle left open by a dependency must not keep a stopped server alive
    setTimeout(() => process.exit(code), 3000).unref();
  },
  (err: unknown) => {
    if (err instanceof CliError) {
      console.error(`hookbench: ${oneLine(err.message)}`);
      process.exit(err.exitCode);
    }
    console.error('hookbench: unexpected failure:', err);
    process.exit(1);
  },
);
