// Starts the real `hookbench serve` in a child process through `sh`, so a test can set the
// umask or a file-size limit first, and calls the control API over loopback HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { CallEnvelope } from '@shared/transport';
import type { ApiMethod } from '@shared/contract';
import { waitForUrls } from '../cli/run-cli';

const REPO_ROOT = resolve(__dirname, '../../..');
const MAIN = resolve(REPO_ROOT, 'src/main/cli/main.ts');

export interface ServeChild {
  child: ChildProcess;
  receiverUrl: string;
  stderr: () => string;
  /** status and envelope of one call */
  call(method: ApiMethod, args?: unknown): Promise<{ status: number; envelope: CallEnvelope }>;
}

/** `shellPrefix` runs before exec, e.g. "umask 000;" */
export async function startServeChild(dataDir: string, shellPrefix = '', env: NodeJS.ProcessEnv = {}): Promise<ServeChild> {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = `${shellPrefix} exec ${[process.execPath, '--import', 'tsx', MAIN, 'serve', '--data-dir', dataDir, '--port', '0', '--control-port', '0'].map(quote).join(' ')}`;
  const child = spawn('sh', ['-c', command], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c));
  const { receiverUrl, uiUrl } = await waitForUrls(child, 30_000);
  const ui = new URL(uiUrl);
  const token = ui.searchParams.get('token')!;
  return {
    child,
    receiverUrl: receiverUrl.replace(/\/$/, ''),
    stderr: () => err,
    async call(method, args) {
      const res = await fetch(`${ui.origin}/api/call/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(args ?? null),
      });
      return { status: res.status, envelope: (await res.json()) as CallEnvelope };
    },
  };
}
