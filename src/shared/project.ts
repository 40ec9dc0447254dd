// The linked project: where valohai.yaml lives, how runs are carried out, and what the file declares.
import type { RunMode } from './runs';
import { ProjectSectionSchema } from './schema/project';
import { parseOrThrow } from './schema/validate';

export type SimulatedOutcome = 'completed' | 'error' | 'stopped';

/** The workspace section `project`. */
export interface ProjectSection {
  folder: string | null;
  /** how run actions are carried out when a project is linked; without a project: simulate */
  defaultMode: RunMode;
  /** executions running at once; more wait queued */
  concurrency: number;
  /** a command-mode execution still running after this is stopped (0: no limit) */
  timeoutSeconds: number;
  simulate: { durationMs: number; outcome: SimulatedOutcome };
}

export const defaultProjectSection = (): ProjectSection => ProjectSectionSchema.parse({});

export type ParameterType = 'string' | 'integer' | 'float' | 'flag';

export interface StepParameter {
  name: string;
  type: ParameterType;
  default?: string | number | boolean | null;
  /** e.g. "--epochs={v}"; default "--{name}={v}" */
  passAs?: string;
  optional: boolean;
}

export interface StepInput {
  name: string;
  optional: boolean;
  /** declared default URLs or paths (not fetched locally) */
  defaults: string[];
}

export interface ProjectStep {
  name: string;
  image: string | null;
  /** command lines, in order */
  command: string[];
  inputs: StepInput[];
  parameters: StepParameter[];
  line: number;
}

export interface PipelineNodeDecl {
  name: string;
  type: string;
  step: string;
}

/** `[preprocess.output.*, train.input.dataset]` or `{ source, target }`, parsed. */
export interface PipelineEdgeDecl {
  source: { node: string; kind: 'output' | 'parameter' | 'metadata'; name: string };
  target: { node: string; kind: 'input' | 'parameter'; name: string };
}

export interface ProjectPipeline {
  name: string;
  nodes: PipelineNodeDecl[];
  edges: PipelineEdgeDecl[];
  line: number;
}

export interface ProjectProblem {
  /** 1-based line in valohai.yaml, when known */
  line?: number;
  column?: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface ProjectDefinition {
  steps: ProjectStep[];
  pipelines: ProjectPipeline[];
  problems: ProjectProblem[];
}

/** What 'project.get' answers: the link plus what was read from it. */
export interface ProjectInfo {
  section: ProjectSection;
  /** absolute path of the valohai.yaml that was read */
  file: string | null;
  /** the file could not be read or parsed at all */
  error: string | null;
  definition: ProjectDefinition | null;
  /** the mode run actions get right now */
  effectiveMode: RunMode;
}

/** For the trigger editor: names to offer and to check payload input names against. */
export interface ProjectSummary {
  linked: boolean;
  steps: { name: string; inputs: string[]; parameters: string[] }[];
  pipelines: { name: string; nodes: { name: string; step: string; inputs: string[] }[] }[];
}

export type ProjectSectionPatch = Partial<Omit<ProjectSection, 'simulate'>> & { simulate?: Partial<ProjectSection['simulate']> };

/** The section validator (shared/schema/project.ts): throws Error naming the JSON path of the first problem. */
export function validateProjectSection(value: unknown, path: string): ProjectSection {
  return parseOrThrow(ProjectSectionSchema, value, path);
}
