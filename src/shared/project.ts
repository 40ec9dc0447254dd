// The linked project: where valohai.yaml lives, how runs are carried out, and what the file declares.
import type { RunMode } from './runs';

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

export const defaultProjectSection = (): ProjectSection => ({
  folder: null,
  defaultMode: 'simulate',
  concurrency: 2,
  timeoutSeconds: 600,
  simulate: { durationMs: 2000, outcome: 'completed' },
});

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

const MODES = ['simulate', 'command'];
const OUTCOMES = ['completed', 'error', 'stopped'];

/** The section validator: throws Error naming the JSON path of the first problem. */
export function validateProjectSection(value: unknown, path: string): ProjectSection {
  const obj = record(value, path);
  const known = ['folder', 'defaultMode', 'concurrency', 'timeoutSeconds', 'simulate'];
  for (const key of Object.keys(obj)) if (!known.includes(key)) throw new Error(`${path}.${key}: unknown field`);
  const d = defaultProjectSection();
  const folder = obj.folder === undefined ? d.folder : obj.folder;
  if (folder !== null && (typeof folder !== 'string' || folder === '')) throw new Error(`${path}.folder: must be a non-empty string or null`);
  const defaultMode = obj.defaultMode ?? d.defaultMode;
  if (!MODES.includes(defaultMode as string)) throw new Error(`${path}.defaultMode: must be "simulate" or "command"`);
  const concurrency = int(obj.concurrency ?? d.concurrency, `${path}.concurrency`, 1, 64);
  const timeoutSeconds = int(obj.timeoutSeconds ?? d.timeoutSeconds, `${path}.timeoutSeconds`, 0, 7 * 24 * 3600);
  const sim = record(obj.simulate ?? d.simulate, `${path}.simulate`);
  for (const key of Object.keys(sim)) if (!['durationMs', 'outcome'].includes(key)) throw new Error(`${path}.simulate.${key}: unknown field`);
  const durationMs = int(sim.durationMs ?? d.simulate.durationMs, `${path}.simulate.durationMs`, 0, 24 * 3600 * 1000);
  const outcome = sim.outcome ?? d.simulate.outcome;
  if (!OUTCOMES.includes(outcome as string)) throw new Error(`${path}.simulate.outcome: must be completed, error or stopped`);
  return {
    folder: folder as string | null, defaultMode: defaultMode as RunMode, concurrency, timeoutSeconds,
    simulate: { durationMs, outcome: outcome as SimulatedOutcome },
  };
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${path}: must be an object`);
  return value as Record<string, unknown>;
}

function int(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${path}: must be a whole number from ${min} to ${max}`);
  }
  return value;
}
