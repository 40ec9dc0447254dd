// The workspace's link to a project folder: reads valohai.yaml (again only when it changed)
// and answers what run actions need to know about steps and pipelines.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ProjectDefinition, ProjectInfo, ProjectSection, ProjectSummary } from '@shared/project';
import { defaultProjectSection, validateProjectSection } from '@shared/project';
import type { WorkspaceStore } from '../store/workspace-store';
import { parseValohaiYaml } from './parse-valohai-yaml';
import { errorMessage } from '@shared/error-message';

export const VALOHAI_YAML = 'valohai.yaml';

export interface ProjectLink {
  section(): ProjectSection;
  /** the link and what the file declares; re-reads the file when its mtime or size changed */
  info(): Promise<ProjectInfo>;
  summary(): Promise<ProjectSummary>;
}

export function readProjectSection(workspace: WorkspaceStore): ProjectSection {
  const raw = workspace.get().sections.project;
  if (raw === undefined) return defaultProjectSection();
  return validateProjectSection(raw, 'project');
}

export function createProjectLink(workspace: WorkspaceStore): ProjectLink {
  let cache: { key: string; info: Omit<ProjectInfo, 'section' | 'effectiveMode'> } | null = null;

  async function read(folder: string): Promise<Omit<ProjectInfo, 'section' | 'effectiveMode'>> {
    const file = path.resolve(folder, VALOHAI_YAML);
    let stat;
    try {
      stat = await fs.stat(file);
    } catch {
      return { file, error: `no ${VALOHAI_YAML} in ${folder}`, definition: null };
    }
    const key = `${file}:${stat.mtimeMs}:${stat.size}`;
    if (cache?.key === key) return cache.info;
    let definition: ProjectDefinition;
    try {
      definition = parseValohaiYaml(await fs.readFile(file, 'utf8'));
    } catch (error) {
      return { file, error: `${VALOHAI_YAML} could not be read: ${errorMessage(error)}`, definition: null };
    }
    const info = { file, error: null, definition };
    cache = { key, info };
    return info;
  }

  const section = () => readProjectSection(workspace);

  async function info(): Promise<ProjectInfo> {
    const s = section();
    const effectiveMode = s.folder ? s.defaultMode : 'simulate';
    if (!s.folder) return { section: s, file: null, error: null, definition: null, effectiveMode };
    return { section: s, ...(await read(s.folder)), effectiveMode };
  }

  async function summary(): Promise<ProjectSummary> {
    const { definition } = await info();
    if (!definition) return { linked: false, steps: [], pipelines: [] };
    const inputsOf = (step: string) => definition.steps.find((s) => s.name === step)?.inputs.map((i) => i.name) ?? [];
    return {
      linked: true,
      steps: definition.steps.map((s) => ({ name: s.name, inputs: s.inputs.map((i) => i.name), parameters: s.parameters.map((p) => p.name) })),
      pipelines: definition.pipelines.map((p) => ({ name: p.name, nodes: p.nodes.map((n) => ({ name: n.name, step: n.step, inputs: inputsOf(n.step) })) })),
    };
  }

  return { section, info, summary };
}
