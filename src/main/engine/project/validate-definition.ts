// Cross-checks of a parsed valohai.yaml: names that must refer to something declared.
import type { ProjectPipeline, ProjectStep } from '@shared/project';

/** Line numbers of a pipeline's nodes and edges, in declaration order. */
export interface PipelineLines {
  nodes: number[];
  edges: number[];
}

export function validateDefinition(
  def: { steps: ProjectStep[]; pipelines: ProjectPipeline[] },
  lines: PipelineLines[],
  report: (message: string, line?: number) => void,
): void {
  const steps = new Map<string, ProjectStep>();
  for (const step of def.steps) {
    if (steps.has(step.name)) report(`step "${step.name}" is declared twice`, step.line);
    steps.set(step.name, step);
  }
  const seenPipelines = new Set<string>();
  def.pipelines.forEach((pipeline, p) => {
    const at = lines[p] ?? { nodes: [], edges: [] };
    const where = `pipeline "${pipeline.name}"`;
    if (seenPipelines.has(pipeline.name)) report(`${where} is declared twice`, pipeline.line);
    seenPipelines.add(pipeline.name);
    const nodeSteps = new Map<string, ProjectStep | undefined>();
    pipeline.nodes.forEach((node, i) => {
      const step = steps.get(node.step);
      if (!step) report(`${where}: node "${node.name}" uses step "${node.step}", which is not declared`, at.nodes[i]);
      nodeSteps.set(node.name, step);
    });
    pipeline.edges.forEach((edge, i) => {
      const line = at.edges[i];
      for (const end of [edge.source, edge.target] as const) {
        if (!nodeSteps.has(end.node)) {
          report(`${where}: edge ${i + 1} refers to node "${end.node}", which is not declared in the pipeline`, line);
          return;
        }
      }
      const source = nodeSteps.get(edge.source.node);
      const target = nodeSteps.get(edge.target.node);
      if (edge.source.node === edge.target.node) report(`${where}: edge ${i + 1} connects node "${edge.source.node}" to itself`, line);
      if (target && edge.target.kind === 'input' && !target.inputs.some((x) => x.name === edge.target.name)) {
        report(`${where}: edge ${i + 1} targets input "${edge.target.name}", which step "${target.name}" does not declare`, line);
      }
      if (target && edge.target.kind === 'parameter' && !target.parameters.some((x) => x.name === edge.target.name)) {
        report(`${where}: edge ${i + 1} targets parameter "${edge.target.name}", which step "${target.name}" does not declare`, line);
      }
      if (source && edge.source.kind === 'parameter' && !source.parameters.some((x) => x.name === edge.source.name)) {
        report(`${where}: edge ${i + 1} reads parameter "${edge.source.name}", which step "${source.name}" does not declare`, line);
      }
    });
    const cycle = findCycle(pipeline);
    if (cycle) report(`${where}: the edges form a cycle (${cycle.join(' → ')})`, pipeline.line);
  });
}

/** A cycle among the nodes, as the node names along it, or null. */
export function findCycle(pipeline: ProjectPipeline): string[] | null {
  const next = new Map<string, string[]>(pipeline.nodes.map((n) => [n.name, []]));
  for (const e of pipeline.edges) next.get(e.source.node)?.push(e.target.node);
  const state = new Map<string, 'visiting' | 'done'>();
  const trail: string[] = [];
  const visit = (name: string): string[] | null => {
    if (state.get(name) === 'done') return null;
    if (state.get(name) === 'visiting') return [...trail.slice(trail.indexOf(name)), name];
    state.set(name, 'visiting');
    trail.push(name);
    for (const to of next.get(name) ?? []) {
      const found = visit(to);
      if (found) return found;
    }
    trail.pop();
    state.set(name, 'done');
    return null;
  };
  for (const node of pipeline.nodes) {
    const found = visit(node.name);
    if (found) return found;
  }
  return null;
}
