// Runs the built desktop main process (out/main/index.js) in plain Node with the stand-in
// 'electron' module and collects what it reported (see stand-in/electron-stand-in.cjs).
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');

export type Finding = { kind: string } & Record<string, any>;

export async function runMainBundle(userData: string): Promise<Finding[]> {
  const child = spawn(process.execPath, ['--require', join(__dirname, 'stand-in/electron-stand-in.cjs'), join(ROOT, 'out/main/index.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOOKBENCH_USER_DATA_DIR: userData,
      HOOKBENCH_RECEIVER_PORT: '0',
      STANDIN_DRIVE: '1',
      STANDIN_RENDERER_INDEX: join(ROOT, 'out/renderer/index.html'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const findings: Finding[] = [];
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c));
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`main did not quit within 20 s; stderr:\n${stderr}`)), 20_000);
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk;
      for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (!line.startsWith('STANDIN ')) continue;
        const finding = JSON.parse(line.slice('STANDIN '.length)) as Finding;
        findings.push(finding);
        if (finding.kind === 'quit' || finding.kind === 'exit' || finding.kind === 'driveError') {
          clearTimeout(timer);
          done();
        }
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) done();
      else fail(new Error(`main exited with ${code}; stderr:\n${stderr}`));
    });
  });
  child.kill('SIGKILL');
  return findings;
}
