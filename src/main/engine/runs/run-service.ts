// Local runs as one service: launching executions and pipelines (from trigger actions or
// re-runs), stopping them, and reading records, logs and files back.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError } from '@shared/contract';
import type { EngineEvent } from '@shared/events';
import type { ProjectDefinition, ProjectInfo } from '@shared/project';
import type { ExecutionDetail, LocalExecution, LocalPipeline, LogPage, LogQuery, PipelineDetail, RunFiles, RunMode, RunsPage, RunsQuery } from '@shared/runs';
import type { ProjectLink } from '../project/project-link';
import { startExecution } from './execution-runner';
import { startPipeline, type PipelineDeps } from './pipeline-runner';
import { openRunRecords, runsDir, type RunRecords, type RunRecordsOptions } from './run-records';
import { runReader } from './run-reader';
import { createRunSlots } from './run-slots';
import { defaultParameters } from './step-parameters';
import { listRunFiles, type InputFileSource } from './work-folder';
import { makePrivateDir, writePrivateFile } from '../store/private-files';

export interface LaunchOrigin {
  triggerId?: string;
  triggerRunId?: string;
  captureId?: string;
}
export interface Payload {
  inputName: string;
  bytes: Buffer;
}

export interface RunService {
  /** `mode` overrides the project's default for this launch (a run action's own mode) */
  launchExecution(
    step: string,
    payload: Payload | null,
    origin: LaunchOrigin,
    mode?: RunMode,
  ): Promise<{ execution: LocalExecution; done: Promise<LocalExecution> }>;
  launchPipeline(
    name: string,
    payload: Payload | null,
    origin: LaunchOrigin,
    mode?: RunMode,
  ): Promise<{ pipeline: LocalPipeline; done: Promise<LocalPipeline> }>;
  stop(id: string): Promise<{ stopped: boolean }>;
  rerun(id: string): Promise<{ id: string; kind: 'execution' | 'pipeline' } | null>;
  list(query: RunsQuery): RunsPage;
  execution(id: string): Promise<ExecutionDetail | null>;
  pipeline(id: string): PipelineDetail | null;
  log(query: LogQuery): Promise<LogPage>;
  files(id: string): Promise<RunFiles>;
  /** waits for everything running to end (tests, shutdown after stopAll) */
  idle(): Promise<void>;
  stopAll(reason: string): Promise<void>;
  close(): Promise<void>;
}

export { runsDir };
const PAYLOAD_FILE = 'payload.bin';

/** JSON bodies get a .json name so tools that look at extensions do the right thing */
export function payloadFileName(bytes: Buffer): string {
  try {
    JSON.parse(bytes.toString('utf8'));
    return 'payload.json';
  } catch {
    return 'payload';
  }
}

export async function openRunService(
  options: {
    dataDir: string;
    project: ProjectLink;
    emit(event: EngineEvent): void;
    now(): number;
  } & RunRecordsOptions,
): Promise<RunService> {
  const { project, now } = options;
  const records: RunRecords = await openRunRecords(options.dataDir, now, { retention: options.retention, segmentBytes: options.segmentBytes });
  for (const e of records.recovered.executions) options.emit({ type: 'execution.status', at: now(), execution: e });
  for (const p of records.recovered.pipelines) options.emit({ type: 'pipeline.status', at: now(), pipeline: p });
  const dir = runsDir(options.dataDir);
  await makePrivateDir(dir);
  const pending = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    pending.add(p);
    void p.finally(() => pending.delete(p));
    return p;
  };
  const deps: PipelineDeps = {
    records,
    runsDir: dir,
    emit: options.emit,
    now,
    controllers: new Map(),
    pipelineControllers: new Map(),
    slots: createRunSlots(() => project.section().concurrency),
  };

  async function resolveMode(override?: RunMode): Promise<{ info: ProjectInfo; mode: RunMode; def: ProjectDefinition | null }> {
    const info = await project.info();
    const mode = override ?? info.effectiveMode;
    if (mode === 'command' && !info.definition) {
      throw new ApiError('unsupported', info.error ?? 'command mode needs a linked project with a readable valohai.yaml');
    }
    return { info, mode, def: info.definition };
  }

  async function launchExecution(
    step: string,
    payload: Payload | null,
    origin: LaunchOrigin,
    rerun?: { of: LocalExecution; inputs: Record<string, InputFileSource[]> },
    modeOverride?: RunMode,
  ) {
    const { info, mode, def } = await resolveMode(modeOverride ?? rerun?.of.mode);
    const stepDef = def?.steps.find((s) => s.name === step);
    if (mode === 'command' && !stepDef) throw new ApiError('invalid', `valohai.yaml declares no step "${step}"`);
    if (mode === 'command' && payload && !stepDef!.inputs.some((i) => i.name === payload.inputName)) {
      throw new ApiError('invalid', `step "${step}" declares no input "${payload.inputName}"`);
    }
    const inputs: Record<string, InputFileSource[]> = rerun?.inputs ?? {};
    if (payload) inputs[payload.inputName] = [{ name: payloadFileName(payload.bytes), bytes: payload.bytes }];
    const started = await startExecution(deps, {
      step,
      stepDef,
      mode,
      parameters: rerun?.of.parameters ?? defaultParameters(stepDef),
      inputs,
      projectFolder: info.section.folder,
      settings: info.section,
      ...origin,
      ...(payload ? { payloadInputName: payload.inputName } : rerun?.of.payloadInputName ? { payloadInputName: rerun.of.payloadInputName } : {}),
      ...(rerun ? { rerunOf: rerun.of.id } : {}),
    });
    track(started.done);
    return started;
  }

  async function launchPipeline(name: string, payload: Payload | null, origin: LaunchOrigin, rerunOf?: string, modeOverride?: RunMode) {
    const { info, mode, def } = await resolveMode(modeOverride);
    let decl = def?.pipelines.find((p) => p.name === name);
    if (!decl) {
      if (mode === 'command') throw new ApiError('invalid', `valohai.yaml declares no pipeline "${name}"`);
      // simulate without a declaration: one node named after the pipeline
      decl = { name, nodes: [{ name, type: 'execution', step: name }], edges: [], line: 0 };
    }
    const problems = def?.problems.filter((p) => p.severity === 'error' && p.message.startsWith(`pipeline "${name}"`)) ?? [];
    if (mode === 'command' && problems.length) {
      throw new ApiError('invalid', `pipeline "${name}" cannot run: ${problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`);
    }
    let target: { nodeName: string; inputName: string } | undefined;
    if (payload) {
      const [nodeName, inputName] = payload.inputName.includes('.') ? payload.inputName.split('.', 2) : [decl.nodes[0]?.name ?? name, payload.inputName];
      const node = decl.nodes.find((n) => n.name === nodeName);
      if (mode === 'command') {
        if (!node) throw new ApiError('invalid', `pipeline "${name}" has no node "${nodeName}"`);
        const step = def!.steps.find((s) => s.name === node.step);
        if (!step?.inputs.some((i) => i.name === inputName))
          throw new ApiError('invalid', `node "${nodeName}" (step "${node.step}") declares no input "${inputName}"`);
      }
      target = { nodeName, inputName };
    }
    const started = await startPipeline(deps, {
      pipeline: decl,
      steps: def?.steps ?? [],
      mode,
      projectFolder: info.section.folder,
      settings: info.section,
      ...origin,
      ...(payload && target
        ? { payload: { ...target, file: { name: payloadFileName(payload.bytes), bytes: payload.bytes } }, payloadInputName: payload.inputName }
        : {}),
      ...(rerunOf ? { rerunOf } : {}),
    });
    if (payload) {
      // kept beside the pipeline's node folders so a re-run gets the same body
      await makePrivateDir(path.join(dir, started.pipeline.id));
      await writePrivateFile(path.join(dir, started.pipeline.id, PAYLOAD_FILE), payload.bytes);
    }
    track(started.done);
    return started;
  }

  const reader = runReader(records, dir);
  const runDirOf = reader.runDirOf;

  const idle = async () => {
    while (pending.size) await Promise.allSettled([...pending]);
  };
  const stopAll = async (reason: string) => {
    for (const stop of deps.pipelineControllers.values()) stop(reason);
    for (const stop of deps.controllers.values()) stop(reason);
    await idle();
  };

  return {
    launchExecution: (step, payload, origin, mode) => launchExecution(step, payload, origin, undefined, mode),
    launchPipeline: (name, payload, origin, mode) => launchPipeline(name, payload, origin, undefined, mode),
    async stop(id) {
      const reason = 'stopped by user';
      const pipelineStop = deps.pipelineControllers.get(id);
      if (pipelineStop) {
        pipelineStop(reason);
        return { stopped: true };
      }
      const stop = deps.controllers.get(id);
      if (stop) {
        stop(reason);
        return { stopped: true };
      }
      return { stopped: false };
    },
    async rerun(id) {
      const e = records.getExecution(id);
      if (e) {
        const inputs: Record<string, InputFileSource[]> = {};
        for (const [name, paths] of Object.entries(e.inputs)) inputs[name] = paths.map((p) => ({ name: path.basename(p), fromPath: p }));
        const origin = { triggerId: e.triggerId, triggerRunId: e.triggerRunId, captureId: e.captureId };
        const started = await launchExecution(e.step, null, origin, { of: e, inputs });
        return { id: started.execution.id, kind: 'execution' };
      }
      const p = records.getPipeline(id);
      if (!p) return null;
      const bytes = p.payloadInputName ? await fs.readFile(path.join(dir, p.id, PAYLOAD_FILE)).catch(() => null) : null;
      const payload = bytes && p.payloadInputName ? { inputName: p.payloadInputName, bytes } : null;
      const started = await launchPipeline(p.name, payload, { triggerId: p.triggerId, triggerRunId: p.triggerRunId, captureId: p.captureId }, p.id, p.mode);
      return { id: started.pipeline.id, kind: 'pipeline' };
    },
    list: reader.list,
    execution: reader.execution,
    pipeline: reader.pipeline,
    log: reader.log,
    async files(id) {
      const workDir = runDirOf(id);
      return workDir ? { workDir, ...(await listRunFiles(workDir)) } : { workDir: null, inputs: [], outputs: [] };
    },
    idle,
    stopAll,
    async close() {
      await stopAll('Hookbench was shut down while this was running');
      await records.close();
    },
  };
}
