// Who a pid is, as far as a lock needs to know: alive or gone (a zombie is gone: it holds
// nothing, it only waits for its parent to reap it), when it started (so a pid reused by
// another process is told apart), and whether it looks like a Node/Electron/Hookbench process.
// Reads /proc on Linux; elsewhere only liveness is known.
import { readFileSync } from 'node:fs';

export interface ProcessFacts {
  state: 'alive' | 'zombie' | 'gone';
  /** clock ticks since boot (Linux /proc/<pid>/stat field 22); null when unknown */
  startTime: string | null;
  /** argv[0] and argv[1] of the process; null when unknown */
  command: string[] | null;
}

function procStat(pid: number): { state: string; startTime: string } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) S ppid …": comm may hold spaces and parentheses, so split after the last ')'
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], startTime: fields[19] };
  } catch {
    return null;
  }
}

function procCommand(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(0, 2);
  } catch {
    return null;
  }
}

function signalable(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function processFacts(pid: number): ProcessFacts {
  if (!signalable(pid)) return { state: 'gone', startTime: null, command: null };
  const stat = procStat(pid);
  if (stat && (stat.state === 'Z' || stat.state === 'X')) return { state: 'zombie', startTime: stat.startTime, command: null };
  return { state: 'alive', startTime: stat?.startTime ?? null, command: procCommand(pid) };
}

/** this process's start time, written into the lock so a reused pid is not mistaken for us */
export function ownStartTime(): string | null {
  return procStat(process.pid)?.startTime ?? null;
}

/** a Node or Electron runtime, or anything named hookbench: what a Hookbench process runs as */
export function looksLikeHookbench(command: string[]): boolean {
  return command.some((arg) => /(^|\/)(node|nodejs|electron)(\.exe)?$|hookbench/i.test(arg));
}
