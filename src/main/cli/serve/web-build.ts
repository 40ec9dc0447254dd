import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliError } from '../command';

/**
 * The web UI build: $HOOKBENCH_WEB_DIR, else out/web of this checkout — next to the bundled CLI
 * (out/cli/hookbench.cjs) or four folders up from this source file (src/main/cli/serve/).
 */
export function findWebBuild(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = env.HOOKBENCH_WEB_DIR ? [resolve(env.HOOKBENCH_WEB_DIR)] : [resolve(__dirname, '../web'), resolve(__dirname, '../../../../out/web')];
  const dir = candidates.find((d) => existsSync(join(d, 'index.html')));
  if (!dir) {
    throw new CliError(`the web UI is not built (${join(candidates[candidates.length - 1], 'index.html')} is missing): run \`npm run build:web\` first`);
  }
  return dir;
}
