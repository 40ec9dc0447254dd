import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliError } from '../command';

/** out/web at the repository root (this file is src/main/cli/serve/), or $HOOKBENCH_WEB_DIR. */
export function findWebBuild(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.HOOKBENCH_WEB_DIR ? resolve(env.HOOKBENCH_WEB_DIR) : resolve(__dirname, '../../../../out/web');
  if (!existsSync(join(dir, 'index.html'))) {
    throw new CliError(`the web UI is not built (${join(dir, 'index.html')} is missing): run \`npm run build:web\` first`);
  }
  return dir;
}
