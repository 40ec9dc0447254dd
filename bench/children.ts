// Every process the bench starts is registered here, so a failed stage, an exception or
// Ctrl+C never leaves a server (or Chromium) running: `stopAll` runs in `finally` and on signals.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const running = new Set<ChildProcess>();
const cleanups = new Set<() => Promise<void>>();

export function tsxChild(script: string, args: string[], nodeFlags: string[] = []): ChildProcess {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', path.join(__dirname, script), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  track(child);
  return child;
}

export function track(child: ChildProcess): ChildProcess {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** something else to undo on the way out (a browser, a temp dir) */
export function onCleanup(task: () => Promise<void>): () => void {
  cleanups.add(task);
  return () => cleanups.delete(task);
}

export function firstLine(child: ChildProcess, timeoutMs = 60_000): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`child printed nothing within ${timeoutMs} ms`)), timeoutMs);
    child.stdout!.on('data', (c: Buffer) => {
      text += c.toString();
      const nl = text.indexOf('\n');
      if (nl !== -1) {
        clearTimeout(timer);
        resolve(JSON.parse(text.slice(0, nl)) as Record<string, unknown>);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`child exited with ${code} before reporting`));
    });
    child.once('error', reject);
  });
}

export async function stop(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export async function stopAll(): Promise<void> {
  for (const task of [...cleanups]) await task().catch(() => undefined);
  cleanups.clear();
  await Promise.all([...running].map((child) => stop(child, 3_000)));
}

let handlersInstalled = false;
/** SIGINT/SIGTERM: stop every child, then exit 130/143 */
export function stopAllOnSignals(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      process.stderr.write(`\nbench: ${signal}, stopping ${running.size} child process(es)…\n`);
      void stopAll().finally(() => process.exit(code));
    });
  }
}
