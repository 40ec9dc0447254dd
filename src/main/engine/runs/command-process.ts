// One step's commands as a shell script in its own process group, so stop and timeout reach
// every child (python started by sh, its subprocesses…): SIGTERM first, SIGKILL after a grace period.
import { spawn } from 'node:child_process';

export interface CommandOptions {
  script: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  onOutput(stream: 'stdout' | 'stderr', chunk: Buffer): void;
  /** how long SIGTERM gets before SIGKILL */
  graceMs?: number;
}

export interface CommandResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  spawnError?: string;
}

export interface RunningCommand {
  pid: number | undefined;
  /** SIGTERM the group, SIGKILL it after the grace period */
  stop(): void;
  done: Promise<CommandResult>;
}

export function startCommand(options: CommandOptions): RunningCommand {
  const child = spawn('sh', ['-c', options.script], {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => options.onOutput('stdout', chunk));
  child.stderr.on('data', (chunk: Buffer) => options.onOutput('stderr', chunk));
  let killTimer: NodeJS.Timeout | null = null;
  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const done = new Promise<CommandResult>((resolve) => {
    child.on('error', (error) => resolve({ exitCode: null, signal: null, spawnError: error.message }));
    // 'close' waits for the pipes, so the last lines are in before the status changes
    child.on('close', (exitCode, signal) => {
      if (killTimer) clearTimeout(killTimer);
      resolve({ exitCode, signal });
    });
  });
  return {
    pid: child.pid,
    stop() {
      if (killTimer) return;
      signalGroup('SIGTERM');
      killTimer = setTimeout(() => signalGroup('SIGKILL'), options.graceMs ?? 3000);
    },
    done,
  };
}
