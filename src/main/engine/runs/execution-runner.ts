// One execution from created to a final status: its work folder, a slot under the concurrency
// limit, then either the simulated timeline or the step's commands, with every change persisted and emitted.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { EngineEvent } from '@shared/events';
import type { ProjectSection, ProjectStep } from '@shared/project';
import type { ExecutionStatus, LocalExecution, RunMode } from '@shared/runs';
import { startCommand } from './command-process';
import { createMetadataCollector } from './step-metadata';
import type { RunRecords } from './run-records';
import { openLogWriter, type LogWriter } from './run-log';
import type { RunSlots, SlotTicket } from './run-slots';
import { CommandRenderError, renderCommand } from './step-parameters';
import { prepareWorkFolder, listFilesRelative, type InputFileSource } from './work-folder';
import { errorMessage } from '@shared/error-message';

export interface ExecutionSpec {
  step: string;
  /** the step as valohai.yaml declares it (absent in simulate mode without a project) */
  stepDef?: ProjectStep;
  mode: RunMode;
  parameters: Record<string, unknown>;
  inputs: Record<string, InputFileSource[]>;
  payloadInputName?: string;
  projectFolder: string | null;
  settings: Pick<ProjectSection, 'timeoutSeconds' | 'simulate'>;
  triggerId?: string;
  triggerRunId?: string;
  captureId?: string;
  pipelineId?: string;
  nodeName?: string;
  rerunOf?: string;
}

export interface RunnerDeps {
  records: RunRecords;
  slots: RunSlots;
  runsDir: string;
  emit(event: EngineEvent): void;
  now(): number;
  /** where a running execution registers how to stop it */
  controllers: Map<string, (reason: string) => void>;
}

export interface StartedExecution {
  execution: LocalExecution;
  /** resolves with the final record; never rejects */
  done: Promise<LocalExecution>;
}

export async function startExecution(deps: RunnerDeps, spec: ExecutionSpec): Promise<StartedExecution> {
  // The place in the queue is taken before anything is awaited, so executions start in the
  // order they were launched, however long each one's work folder takes to prepare.
  const ticket = deps.slots.take();
  const id = randomUUID();
  const runDir = path.join(deps.runsDir, id);
  let current: LocalExecution = {
    id,
    counter: deps.records.nextCounter('execution'),
    step: spec.step,
    title: spec.nodeName ? `${spec.nodeName} (${spec.step})` : null,
    status: 'created',
    mode: spec.mode,
    parameters: spec.parameters,
    inputs: {},
    outputs: [],
    workDir: runDir,
    createdAt: deps.now(),
    ...definedOnly({
      triggerId: spec.triggerId,
      triggerRunId: spec.triggerRunId,
      captureId: spec.captureId,
      pipelineId: spec.pipelineId,
      nodeName: spec.nodeName,
      payloadInputName: spec.payloadInputName,
      rerunOf: spec.rerunOf,
    }),
  };
  const save = async (patch: Partial<LocalExecution>): Promise<LocalExecution> => {
    current = { ...current, ...patch };
    const snapshot = current;
    await deps.records.putExecution(snapshot);
    deps.emit({ type: 'execution.status', at: deps.now(), execution: snapshot });
    return snapshot;
  };
  let execution: LocalExecution;
  try {
    execution = await save({});
  } catch (error) {
    giveUp(ticket);
    throw error;
  }
  const log = openLogWriter(runDir, id, deps.emit, deps.now);
  const done = run(deps, spec, ticket, log, () => current, save)
    .catch(async (error: unknown) => {
      log.system(`Hookbench could not run this execution: ${errorMessage(error)}`);
      return current.status === 'completed' || current.status === 'error' || current.status === 'stopped'
        ? current
        : save({ status: 'error', statusReason: errorMessage(error), endedAt: deps.now() });
    })
    .finally(async () => {
      deps.controllers.delete(id);
      await log.close();
    });
  return { execution, done };
}

type Save = (patch: Partial<LocalExecution>) => Promise<LocalExecution>;

async function run(
  deps: RunnerDeps,
  spec: ExecutionSpec,
  ticket: SlotTicket,
  log: LogWriter,
  current: () => LocalExecution,
  save: Save,
): Promise<LocalExecution> {
  let holdsSlot = false;
  try {
    return await runInSlot();
  } finally {
    // ended before its turn (stopped, or the work folder failed): give the place in the queue up
    if (!holdsSlot) giveUp(ticket);
  }

  async function runInSlot(): Promise<LocalExecution> {
    let stopRequest: string | null = null;
    let onStop: ((reason: string) => void) | null = null;
    deps.controllers.set(current().id, (reason) => {
      stopRequest ??= reason;
      onStop?.(reason);
    });
    const finish = (status: ExecutionStatus, statusReason: string, extra: Partial<LocalExecution> = {}) => {
      log.system(`${status}: ${statusReason}`);
      return save({ status, statusReason, endedAt: deps.now(), ...extra });
    };

    const folder = await prepareWorkFolder(current().workDir!, spec.inputs, spec.parameters);
    let command: string[] | undefined;
    try {
      command = spec.mode === 'command' ? renderCommand(spec.stepDef?.command ?? [], spec.stepDef, spec.parameters) : undefined;
    } catch (error) {
      if (error instanceof CommandRenderError) return finish('error', `could not build the command: ${error.message}`);
      throw error;
    }
    await save({ status: 'queued', queuedAt: deps.now(), inputs: folder.inputs, ...(command ? { command } : {}) });
    if (stopRequest) return finish('stopped', stopRequest);

    const stopWhileQueued = new Promise<string>((resolve) => {
      onStop = (reason) => {
        if (ticket.cancel()) resolve(reason);
      };
    });
    const granted = await Promise.race([ticket.granted, stopWhileQueued]);
    if (typeof granted === 'string') return finish('stopped', granted);
    const release = granted;
    holdsSlot = true;
    try {
      await save({ status: 'started', startedAt: deps.now() });
      if (stopRequest) return finish('stopped', stopRequest);
      return spec.mode === 'simulate'
        ? await simulate(spec, log, finish, (handler) => (onStop = handler))
        : await runCommands(spec, log, folder, command ?? [], current, finish, (handler) => (onStop = handler));
    } finally {
      release();
    }
  }
}

/** leaves the queue, or hands the slot back if it was granted in the meantime */
function giveUp(ticket: SlotTicket): void {
  if (!ticket.cancel()) void ticket.granted.then((release) => release());
}

type Finish = (status: ExecutionStatus, reason: string, extra?: Partial<LocalExecution>) => Promise<LocalExecution>;
type OnStop = (handler: (reason: string) => void) => void;

async function simulate(spec: ExecutionSpec, log: LogWriter, finish: Finish, onStop: OnStop): Promise<LocalExecution> {
  const { durationMs, outcome } = spec.settings.simulate;
  log.system(`Simulating step "${spec.step}" for ${durationMs} ms; it will end as ${outcome}`);
  for (const [name, files] of Object.entries(spec.inputs)) log.system(`input ${name}: ${files.map((f) => f.name).join(', ')}`);
  const stopped = await new Promise<string | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), durationMs);
    onStop((reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
  if (stopped) return finish('stopped', stopped);
  const reasons = { completed: 'simulated run completed', error: 'simulated error', stopped: 'simulated stop' };
  return finish(outcome, reasons[outcome]);
}

async function runCommands(
  spec: ExecutionSpec,
  log: LogWriter,
  folder: { root: string; inputsDir: string; outputsDir: string; configDir: string },
  command: string[],
  current: () => LocalExecution,
  finish: Finish,
  onStop: OnStop,
): Promise<LocalExecution> {
  if (!command.length) return finish('error', `step "${spec.step}" has no command`);
  const cwd = spec.projectFolder ?? folder.root;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    VH_INPUTS_DIR: folder.inputsDir,
    VH_OUTPUTS_DIR: folder.outputsDir,
    VH_CONFIG_DIR: folder.configDir,
    VH_REPOSITORY_DIR: cwd,
    VH_EXECUTION_ID: current().id,
    HOOKBENCH_EXECUTION_COUNTER: String(current().counter),
    // line-by-line output from python, so the log is live
    PYTHONUNBUFFERED: '1',
  };
  for (const line of command) log.system(`$ ${line}`);
  // like the service: the lines run in order and the first failing one ends the execution
  const metadata = createMetadataCollector();
  const proc = startCommand({
    script: `set -e\n${command.join('\n')}`,
    cwd,
    env,
    onOutput: (stream, chunk) => {
      log.write(stream, chunk);
      if (stream === 'stdout') metadata.push(chunk);
    },
  });
  let ending: { status: ExecutionStatus; reason: string } | null = null;
  onStop((reason) => {
    ending ??= { status: 'stopped', reason };
    proc.stop();
  });
  const timeoutMs = spec.settings.timeoutSeconds * 1000;
  const timer =
    timeoutMs > 0
      ? setTimeout(() => {
          ending ??= { status: 'error', reason: `timed out after ${spec.settings.timeoutSeconds} s` };
          proc.stop();
        }, timeoutMs)
      : null;
  const result = await proc.done;
  if (timer) clearTimeout(timer);
  const outputs = (await listFilesRelative(folder.outputsDir)).map((f) => f.name);
  const collected = metadata.end();
  const extra = { exitCode: result.exitCode, outputs, ...(Object.keys(collected).length ? { metadata: collected } : {}) };
  const end = ending as { status: ExecutionStatus; reason: string } | null;
  if (end) return finish(end.status, end.reason, extra);
  if (result.spawnError) return finish('error', `could not start the command: ${result.spawnError}`, extra);
  if (result.exitCode === 0) return finish('completed', 'exit code 0', extra);
  return finish('error', result.signal ? `killed by ${result.signal}` : `exit code ${result.exitCode}`, extra);
}

/** optional fields stay absent rather than undefined in stored records */
export function definedOnly<T extends Record<string, unknown>>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}
