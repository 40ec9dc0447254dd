// A temp project folder with a valohai.yaml and scripts, a workspace linked to it, and a run service.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EngineEvent } from '@shared/events';
import { defaultProjectSection, type ProjectSection } from '@shared/project';
import type { LocalExecution } from '@shared/runs';
import { createProjectLink } from '../../../src/main/engine/project/project-link';
import { openRunService, type RunService } from '../../../src/main/engine/runs/run-service';
import { openWorkspaceStore } from '../../../src/main/engine/store/workspace-store';
import { makeTempDir } from '../../support/temp-dir';

export interface RunHarness {
  dataDir: string;
  projectDir: string;
  runs: RunService;
  events: EngineEvent[];
  statusesOf(executionId: string): string[];
  close(): Promise<void>;
}

export async function makeProject(files: Record<string, string>): Promise<string> {
  const dir = await makeTempDir('project');
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

export async function openHarness(files: Record<string, string>, section: Partial<ProjectSection> = {}, dataDir?: string): Promise<RunHarness> {
  const projectDir = await makeProject(files);
  const dir = dataDir ?? (await makeTempDir('runs'));
  const workspace = await openWorkspaceStore(dir);
  await workspace.update((d) => {
    d.sections = { ...d.sections, project: { ...defaultProjectSection(), folder: projectDir, defaultMode: 'command', ...section } };
  });
  const events: EngineEvent[] = [];
  const runs = await openRunService({ dataDir: dir, project: createProjectLink(workspace), emit: (e) => events.push(e), now: Date.now });
  return {
    dataDir: dir,
    projectDir,
    runs,
    events,
    statusesOf: (id) => events.flatMap((e) => (e.type === 'execution.status' && e.execution.id === id ? [e.execution.status] : [])),
    async close() {
      await runs.close();
      await rm(dir, { recursive: true, force: true });
      await rm(projectDir, { recursive: true, force: true });
    },
  };
}

export async function waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const logText = async (runs: RunService, e: LocalExecution) => (await runs.log({ executionId: e.id, limit: 5000 })).lines.map((l) => l.text).join('\n');
