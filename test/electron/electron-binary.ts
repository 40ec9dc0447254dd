// Finds the Electron binary without require('electron'), which would try to download it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type ElectronBinary = { path: string } | { missing: string };

export function findElectronBinary(): ElectronBinary {
  let packageJson: string;
  try {
    packageJson = require.resolve('electron/package.json');
  } catch {
    return { missing: 'the electron package is not installed' };
  }
  const dir = dirname(packageJson);
  const pathTxt = join(dir, 'path.txt');
  if (!existsSync(pathTxt)) return { missing: `${pathTxt} does not exist (the binary was never downloaded)` };
  const binary = join(dir, 'dist', readFileSync(pathTxt, 'utf8').trim());
  if (!existsSync(binary)) return { missing: `${binary} does not exist` };
  return { path: binary };
}
