// The folder an execution runs against, laid out the way valohai-utils reads it:
// inputs/<name>/<file>, outputs/, config/inputs.json and config/parameters.json.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RunFile } from '@shared/runs';
import { makePrivateDir, writePrivateFile } from '../store/private-files';

/** A file to place into an input: bytes (the payload) or a copy of another file (edges, re-runs). */
export type InputFileSource = { name: string; bytes: Buffer } | { name: string; fromPath: string };

export interface WorkFolder {
  root: string;
  inputsDir: string;
  outputsDir: string;
  configDir: string;
  /** input name → absolute paths */
  inputs: Record<string, string[]>;
}

export async function prepareWorkFolder(root: string, inputs: Record<string, InputFileSource[]>, parameters: Record<string, unknown>): Promise<WorkFolder> {
  const folder: WorkFolder = {
    root,
    inputsDir: path.join(root, 'inputs'),
    outputsDir: path.join(root, 'outputs'),
    configDir: path.join(root, 'config'),
    inputs: {},
  };
  for (const dir of [folder.inputsDir, folder.outputsDir, folder.configDir]) await makePrivateDir(dir);
  // valohai-utils builds FileInfo(**entry): exactly these keys, nothing more
  const inputsJson: Record<string, { files: { name: string; uri: string; path: string; size: number; checksums: Record<string, string> }[] }> = {};
  for (const [inputName, files] of Object.entries(inputs)) {
    const dir = path.join(folder.inputsDir, safeName(inputName));
    await makePrivateDir(dir);
    const entries = [];
    const used = new Set<string>();
    for (const file of files) {
      const name = uniqueName(safeName(path.basename(file.name)), used);
      const target = path.join(dir, name);
      const bytes = 'bytes' in file ? file.bytes : await fs.readFile(file.fromPath);
      await writePrivateFile(target, bytes);
      entries.push({
        name,
        uri: pathToFileURL(target).href,
        path: target,
        size: bytes.length,
        checksums: { md5: hash('md5', bytes), sha1: hash('sha1', bytes), sha256: hash('sha256', bytes) },
      });
    }
    inputsJson[inputName] = { files: entries };
    folder.inputs[inputName] = entries.map((e) => e.path);
  }
  await writePrivateFile(path.join(folder.configDir, 'inputs.json'), JSON.stringify(inputsJson, null, 2));
  await writePrivateFile(path.join(folder.configDir, 'parameters.json'), JSON.stringify(parameters, null, 2));
  return folder;
}

const hash = (algorithm: string, bytes: Buffer) => createHash(algorithm).update(bytes).digest('hex');

/** one path segment: no separators, no "..", never empty */
export function safeName(name: string): string {
  const cleaned = name.replace(/[/\\\0]/g, '_');
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? '_' : cleaned;
}

function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let i = 2; used.has(candidate); i++) candidate = `${i}-${name}`;
  used.add(candidate);
  return candidate;
}

/** Every file under dir, as paths relative to it with forward slashes. */
export async function listFilesRelative(dir: string): Promise<{ name: string; path: string; size: number }[]> {
  const out: { name: string; path: string; size: number }[] = [];
  const walk = async (current: string, prefix: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(current, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(full, rel);
      else if (entry.isFile()) out.push({ name: rel, path: full, size: (await fs.stat(full)).size });
    }
  };
  await walk(dir, '');
  return out;
}

export async function listRunFiles(root: string): Promise<{ inputs: RunFile[]; outputs: RunFile[] }> {
  const inputs: RunFile[] = [];
  const inputsDir = path.join(root, 'inputs');
  let names: string[] = [];
  try {
    names = (await fs.readdir(inputsDir, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  } catch {
    // no work folder (yet)
  }
  for (const input of names) {
    for (const f of await listFilesRelative(path.join(inputsDir, input))) inputs.push({ kind: 'input', input, ...f });
  }
  const outputs = (await listFilesRelative(path.join(root, 'outputs'))).map((f) => ({ kind: 'output' as const, ...f }));
  return { inputs, outputs };
}
