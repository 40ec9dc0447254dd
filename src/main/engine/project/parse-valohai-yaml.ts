// Reads valohai.yaml into steps and pipelines. Problems carry line numbers; parsing goes on past
// a bad item so one typo does not hide the rest of the file.
import type {
  ParameterType,
  PipelineEdgeDecl,
  PipelineNodeDecl,
  ProjectDefinition,
  ProjectPipeline,
  ProjectProblem,
  ProjectStep,
  StepInput,
  StepParameter,
} from '@shared/project';
import { parseEdge } from './pipeline-edges';
import { validateDefinition, type PipelineLines } from './validate-definition';
import { parseLocated, type LocatedYaml } from './yaml-lines';

type Path = (string | number)[];
type Obj = Record<string, unknown>;

const PARAMETER_TYPES: ParameterType[] = ['string', 'integer', 'float', 'flag'];
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseValohaiYaml(text: string): ProjectDefinition {
  const located = parseLocated(text);
  const problems: ProjectProblem[] = located.errors.map((e) => ({ ...e, severity: 'error' as const }));
  if (problems.length) return { steps: [], pipelines: [], problems };
  const root = located.doc.toJS() as unknown;
  const steps: ProjectStep[] = [];
  const pipelines: ProjectPipeline[] = [];
  const pipelineLines: PipelineLines[] = [];
  const problem = (path: Path, message: string, severity: ProjectProblem['severity'] = 'error') =>
    problems.push({ line: located.lineOf(path), message, severity });

  if (root === null || root === undefined) return { steps, pipelines, problems: [{ line: 1, message: 'valohai.yaml is empty', severity: 'error' }] };
  if (!Array.isArray(root)) {
    problem([], 'the top level must be a list of items such as "- step:" and "- pipeline:"');
    return { steps, pipelines, problems };
  }
  root.forEach((item, i) => {
    if (!isObj(item)) return problem([i], `item ${i + 1} must be a mapping such as "step:" or "pipeline:"`);
    if (isObj(item.step)) {
      const step = readStep(item.step, [i, 'step'], located, problem);
      if (step) steps.push(step);
    } else if (isObj(item.pipeline)) {
      const read = readPipeline(item.pipeline, [i, 'pipeline'], located, problem);
      if (read) {
        pipelines.push(read.pipeline);
        pipelineLines.push(read.lines);
      }
    } else if (!('endpoint' in item) && !('task' in item)) {
      problem([i], `item ${i + 1} is neither a step nor a pipeline (keys: ${Object.keys(item).join(', ') || 'none'})`, 'warning');
    }
  });
  validateDefinition({ steps, pipelines }, pipelineLines, (message, line) => problems.push({ line, message, severity: 'error' }));
  return { steps, pipelines, problems };
}

type Report = (path: Path, message: string, severity?: ProjectProblem['severity']) => void;

function readStep(raw: Obj, path: Path, located: LocatedYaml, problem: Report): ProjectStep | null {
  if (typeof raw.name !== 'string' || !raw.name) {
    problem(path, 'a step needs a name');
    return null;
  }
  const command = raw.command === undefined ? [] : Array.isArray(raw.command) ? raw.command : [raw.command];
  if (!command.length) problem([...path, 'name'], `step "${raw.name}" has no command`, 'warning');
  if (command.some((c) => typeof c !== 'string')) problem([...path, 'command'], `step "${raw.name}": every command line must be a string`);
  const inputs: StepInput[] = [];
  listOf(raw.inputs, [...path, 'inputs'], problem).forEach(([input, p]) => {
    if (typeof input.name !== 'string' || !input.name) return problem(p, 'an input needs a name');
    if (inputs.some((x) => x.name === input.name)) return problem([...p, 'name'], `input "${input.name}" is declared twice`);
    const defaults = input.default === undefined ? [] : (Array.isArray(input.default) ? input.default : [input.default]).map(String);
    inputs.push({ name: input.name, optional: input.optional === true, defaults });
  });
  const parameters: StepParameter[] = [];
  listOf(raw.parameters, [...path, 'parameters'], problem).forEach(([param, p]) => {
    if (typeof param.name !== 'string' || !param.name) return problem(p, 'a parameter needs a name');
    const type = (param.type ?? 'string') as ParameterType;
    if (!PARAMETER_TYPES.includes(type)) return problem([...p, 'type'], `parameter "${param.name}": type must be one of ${PARAMETER_TYPES.join(', ')}`);
    const def = param.default;
    if (def !== undefined && def !== null && !defaultFits(type, def)) {
      problem([...p, 'default'], `parameter "${param.name}": default ${JSON.stringify(def)} is not a ${type}`);
    }
    const passAs = typeof param['pass-as'] === 'string' ? param['pass-as'] : undefined;
    parameters.push({
      name: param.name,
      type,
      optional: param.optional === true || type === 'flag',
      ...(def !== undefined ? { default: def as StepParameter['default'] } : {}),
      ...(passAs ? { passAs } : {}),
    });
  });
  return {
    name: raw.name,
    image: typeof raw.image === 'string' ? raw.image : null,
    command: command.filter((c): c is string => typeof c === 'string'),
    inputs,
    parameters,
    line: located.lineOf([...path, 'name']) ?? 0,
  };
}

function defaultFits(type: ParameterType, value: unknown): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'float') return typeof value === 'number';
  if (type === 'flag') return typeof value === 'boolean';
  return ['string', 'number', 'boolean'].includes(typeof value);
}

function readPipeline(raw: Obj, path: Path, located: LocatedYaml, problem: Report): { pipeline: ProjectPipeline; lines: PipelineLines } | null {
  if (typeof raw.name !== 'string' || !raw.name) {
    problem(path, 'a pipeline needs a name');
    return null;
  }
  const nodes: PipelineNodeDecl[] = [];
  listOf(raw.nodes, [...path, 'nodes'], problem).forEach(([node, p]) => {
    if (typeof node.name !== 'string' || !node.name) return problem(p, 'a pipeline node needs a name');
    if (nodes.some((n) => n.name === node.name)) return problem([...p, 'name'], `node "${node.name}" is declared twice`);
    const type = typeof node.type === 'string' ? node.type : 'execution';
    if (type !== 'execution') problem([...p, 'type'], `node "${node.name}": only "execution" nodes run locally (this one is "${type}")`, 'warning');
    if (typeof node.step !== 'string' || !node.step) return problem(p, `node "${node.name}" needs a step`);
    nodes.push({ name: node.name, type, step: node.step });
  });
  const edges: PipelineEdgeDecl[] = [];
  const rawEdges = Array.isArray(raw.edges) ? raw.edges : raw.edges === undefined ? [] : null;
  if (rawEdges === null) problem([...path, 'edges'], 'edges must be a list');
  (rawEdges ?? []).forEach((edge: unknown, i: number) => {
    const parsed = parseEdge(edge);
    if (typeof parsed === 'string') problem([...path, 'edges', i], `edge ${i + 1}: ${parsed}`);
    else edges.push(parsed);
  });
  const line = located.lineOf([...path, 'name']) ?? 0;
  const lines: PipelineLines = {
    nodes: nodes.map((_, i) => located.lineOf([...path, 'nodes', i]) ?? line),
    edges: edges.map((_, i) => located.lineOf([...path, 'edges', i]) ?? line),
  };
  return { pipeline: { name: raw.name, nodes, edges, line }, lines };
}

function listOf(value: unknown, path: Path, problem: Report): [Obj, Path][] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problem(path, `${String(path[path.length - 1])} must be a list`);
    return [];
  }
  const out: [Obj, Path][] = [];
  value.forEach((item, i) => {
    if (isObj(item)) out.push([item, [...path, i]]);
    else problem([...path, i], `entry ${i + 1} must be a mapping`);
  });
  return out;
}
