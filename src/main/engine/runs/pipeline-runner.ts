// A pipeline: nodes start when every node they depend on has completed (independent ones in
// parallel, under the shared concurrency limit); output edges copy matching files, parameter
// edges carry values; a failed node stops its dependents and fails the pipeline.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ProjectPipeline, ProjectSection, ProjectStep } from '@shared/project';
import type { LocalExecution, LocalPipeline, PipelineNodeState, PipelineStatus, RunMode } from '@shared/runs';
import { isFinalExecutionStatus } from '@shared/runs';
import { globToRegExp } from '../project/pipeline-edges';
import { definedOnly, startExecution, type RunnerDeps } from './execution-runner';
import { coerceParameter, defaultParameters } from './step-parameters';
import type { InputFileSource } from './work-folder';
import { errorMessage } from '@shared/error-message';

export interface PipelineSpec {
  pipeline: ProjectPipeline;
  steps: ProjectStep[];
  mode: RunMode;
  projectFolder: string | null;
  settings: Pick<ProjectSection, 'timeoutSeconds' | 'simulate'>;
  /** "node.input" → the request body */
  payload?: { nodeName: string; inputName: string; file: InputFileSource };
  payloadInputName?: string;
  triggerId?: string;
  triggerRunId?: string;
  captureId?: string;
  rerunOf?: string;
}

export interface PipelineDeps extends RunnerDeps {
  pipelineControllers: Map<string, (reason: string) => void>;
}

export async function startPipeline(deps: PipelineDeps, spec: PipelineSpec): Promise<{ pipeline: LocalPipeline; done: Promise<LocalPipeline> }> {
  const { pipeline: decl } = spec;
  const dependsOn = (node: string) => [...new Set(decl.edges.filter((e) => e.target.node === node).map((e) => e.source.node))];
  const at = deps.now();
  let current: LocalPipeline = {
    id: randomUUID(),
    counter: deps.records.nextCounter('pipeline'),
    name: decl.name,
    status: 'started',
    mode: spec.mode,
    nodes: decl.nodes.map((n) => ({ name: n.name, step: n.step, status: 'pending', dependsOn: dependsOn(n.name) })),
    createdAt: at,
    startedAt: at,
    ...definedOnly({
      triggerId: spec.triggerId,
      triggerRunId: spec.triggerRunId,
      captureId: spec.captureId,
      payloadInputName: spec.payloadInputName,
      rerunOf: spec.rerunOf,
    }),
  };
  // updates come from several node completions at once: apply them one after another
  let chain = Promise.resolve();
  const save = (change: (p: LocalPipeline) => LocalPipeline): Promise<void> => {
    chain = chain.then(async () => {
      current = change(current);
      await deps.records.putPipeline(current);
      deps.emit({ type: 'pipeline.status', at: deps.now(), pipeline: current });
    });
    return chain;
  };
  const setNode = (name: string, patch: Partial<PipelineNodeState>) =>
    save((p) => ({ ...p, nodes: p.nodes.map((n) => (n.name === name ? { ...n, ...patch } : n)) }));

  await save((p) => p);
  const stepOf = (name: string) => spec.steps.find((s) => s.name === name);
  const finished = new Map<string, LocalExecution>();
  const running = new Map<string, Promise<void>>();
  let stopReason: string | null = null;
  deps.pipelineControllers.set(current.id, (reason) => {
    stopReason ??= reason;
    for (const node of current.nodes) if (node.executionId) deps.controllers.get(node.executionId)?.(reason);
  });

  const launchNode = async (name: string): Promise<void> => {
    const node = decl.nodes.find((n) => n.name === name)!;
    const stepDef = stepOf(node.step);
    const parameters = defaultParameters(stepDef);
    const inputs: Record<string, InputFileSource[]> = {};
    for (const edge of decl.edges.filter((e) => e.target.node === name)) {
      const source = finished.get(edge.source.node);
      if (!source) continue;
      if (edge.source.kind === 'output') {
        const pattern = globToRegExp(edge.source.name);
        const files = source.outputs.filter((o) => pattern.test(o) || pattern.test(path.posix.basename(o)));
        (inputs[edge.target.name] ??= []).push(...files.map((o) => ({ name: path.posix.basename(o), fromPath: path.join(source.workDir!, 'outputs', o) })));
      } else if (edge.source.kind === 'parameter' && edge.target.kind === 'parameter' && source.parameters[edge.source.name] !== undefined) {
        parameters[edge.target.name] = coerceParameter(
          stepDef?.parameters.find((p) => p.name === edge.target.name),
          source.parameters[edge.source.name],
        );
      } else if (edge.source.kind === 'metadata' && edge.target.kind === 'parameter' && source.metadata?.[edge.source.name] !== undefined) {
        // metadata the source step printed (one JSON object per stdout line) becomes the parameter
        parameters[edge.target.name] = coerceParameter(
          stepDef?.parameters.find((p) => p.name === edge.target.name),
          source.metadata[edge.source.name],
        );
      }
    }
    if (spec.payload?.nodeName === name) (inputs[spec.payload.inputName] ??= []).push(spec.payload.file);
    const started = await startExecution(nodeDeps, {
      step: node.step,
      stepDef,
      mode: spec.mode,
      parameters,
      inputs,
      projectFolder: spec.projectFolder,
      settings: spec.settings,
      pipelineId: current.id,
      nodeName: name,
      ...definedOnly({
        triggerId: spec.triggerId,
        triggerRunId: spec.triggerRunId,
        captureId: spec.captureId,
        payloadInputName: spec.payload?.nodeName === name ? spec.payload.inputName : undefined,
      }),
    });
    const executionId = started.execution.id;
    await save((p) => ({
      ...p,
      nodes: p.nodes.map((n) => (n.name === name ? { ...n, executionId, status: n.status === 'pending' ? 'created' : n.status } : n)),
    }));
    if (stopReason) deps.controllers.get(started.execution.id)?.(stopReason);
    const result = await started.done;
    finished.set(name, result);
    await setNode(name, { status: result.status, startedAt: result.startedAt, endedAt: result.endedAt });
  };

  // node statuses in between (queued, started) follow their executions' events
  const follow = (batch: { type: string; execution?: LocalExecution }[]) => {
    for (const event of batch) {
      const e = event.execution;
      if (event.type !== 'execution.status' || !e || e.pipelineId !== current.id || isFinalExecutionStatus(e.status)) continue;
      void setNode(e.nodeName!, { status: e.status, ...(e.startedAt ? { startedAt: e.startedAt } : {}) });
    }
  };
  const followingEmit = deps.emit;
  const nodeDeps: RunnerDeps = {
    ...deps,
    emit: (event) => {
      followingEmit(event);
      follow([event as never]);
    },
  };

  const schedule = async (): Promise<LocalPipeline> => {
    for (;;) {
      const state = current.nodes;
      const status = (name: string) => finished.get(name)?.status ?? state.find((n) => n.name === name)?.status;
      for (const node of state) {
        if (node.status !== 'pending' || running.has(node.name)) continue;
        const upstream = node.dependsOn ?? [];
        const failed = upstream.find((u) => {
          const s = status(u);
          return s === 'error' || s === 'stopped';
        });
        if (stopReason || failed) {
          await setNode(node.name, { status: 'stopped', reason: stopReason ?? `node "${failed}" did not complete` });
          continue;
        }
        if (upstream.every((u) => finished.get(u)?.status === 'completed')) {
          const task = launchNode(node.name)
            .catch(async (error: unknown) => {
              finished.set(node.name, { status: 'error' } as LocalExecution);
              await setNode(node.name, { status: 'error', reason: errorMessage(error) });
            })
            .finally(() => running.delete(node.name));
          running.set(node.name, task);
        }
      }
      if (!running.size) break;
      await Promise.race(running.values());
      await chain;
    }
    await chain;
    for (const node of current.nodes.filter((n) => n.status === 'pending')) {
      await setNode(node.name, { status: 'stopped', reason: 'it waits for a node that never ran (a cycle or an undeclared node in the edges)' });
    }
    const statuses = current.nodes.map((n) => n.status);
    const final: PipelineStatus = statuses.includes('error') ? 'error' : stopReason || statuses.includes('stopped') ? 'stopped' : 'completed';
    const reasons: Record<PipelineStatus, string> = {
      completed: 'every node completed',
      error: `node "${current.nodes.find((n) => n.status === 'error')?.name}" failed`,
      stopped: stopReason ?? 'a node was stopped',
      started: '',
    };
    await save((p) => ({ ...p, status: final, statusReason: reasons[final], endedAt: deps.now() }));
    return current;
  };

  const done = schedule().finally(() => deps.pipelineControllers.delete(current.id));
  return { pipeline: current, done };
}
