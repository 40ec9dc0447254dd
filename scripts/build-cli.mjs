// Bundles the CLI (src/main/cli/main.ts) into one plain-JS file, out/cli/hookbench.cjs, so
// `hookbench` starts without transpiling TypeScript (npm run build:cli; also part of prepare/build).
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE = resolve(root, 'out/cli/hookbench.cjs');

export async function buildCli(outfile = CLI_BUNDLE) {
  await build({
    entryPoints: [resolve(root, 'src/main/cli/main.ts')],
    alias: { '@shared': resolve(root, 'src/shared') },
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
    // the GitHub example payloads are read from node_modules only when --example asks;
    // ws's optional native helpers and electron are never loaded by the CLI
    external: ['@octokit/webhooks-examples', 'bufferutil', 'utf-8-validate', 'electron'],
    define: { 'process.env.HOOKBENCH_CLI_BUNDLE': '"1"' },
    logLevel: 'warning',
    legalComments: 'none',
  });
  await chmod(outfile, 0o755);
  return outfile;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildCli(process.argv[2] ? resolve(process.argv[2]) : CLI_BUNDLE);
  console.log(`wrote ${out}`);
}
