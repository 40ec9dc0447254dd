// Builds the documented notification payload from local executions and pipelines, and the
// realistic examples the simulator starts from.
import type { NotificationDataValue, NotificationEventType, NotificationPayload, NotificationProject } from '@shared/notifications';
import type { ExecutionStatus, LocalExecution, LocalPipeline, PipelineStatus } from '@shared/runs';

/** "2021-04-21T12:58:18.119000+00:00": the service's timestamp shape (microseconds, +00:00). */
export function serviceTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00');
}

/** "11:01": whole minutes (not wrapped at an hour) and zero-padded seconds. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

const EXECUTION_EVENTS: Partial<Record<ExecutionStatus, NotificationEventType>> = {
  created: 'execution_created',
  completed: 'execution_completed',
  error: 'execution_failed',
  stopped: 'execution_stopped',
};
const PIPELINE_EVENTS: Partial<Record<PipelineStatus, NotificationEventType>> = {
  completed: 'pipeline_completed',
  error: 'pipeline_failed',
};

export const executionEventType = (status: ExecutionStatus): NotificationEventType | null => EXECUTION_EVENTS[status] ?? null;
export const pipelineEventType = (status: PipelineStatus): NotificationEventType | null => PIPELINE_EVENTS[status] ?? null;

/** The data status word ("complete") and the title word ("completed") of an event type. */
export function statusWords(type: NotificationEventType): { data: string; title: string } {
  const outcome = type.slice(type.indexOf('_') + 1);
  if (outcome === 'completed') return { data: 'complete', title: 'completed' };
  if (outcome === 'failed') return { data: 'error', title: 'error' };
  return { data: outcome, title: outcome };
}

function common(project: NotificationProject): Record<string, NotificationDataValue> {
  return {
    'valohai.project-id': project.id,
    'valohai.project-name': project.name,
    'valohai.creator-id': project.creatorId,
    'valohai.creator-name': project.creatorName,
    'valohai.commit-identifier': project.commitIdentifier,
  };
}

interface Envelope {
  type: NotificationEventType;
  kind: string;
  label: string;
  id: string;
  durationSeconds: number | null;
}

function envelope(e: Envelope, project: NotificationProject, data: Record<string, NotificationDataValue>): NotificationPayload {
  const words = statusWords(e.type);
  const noun = e.kind[0].toUpperCase() + e.kind.slice(1);
  const url = `/p/${project.name}/${e.kind}/${e.id}/`;
  const created = e.type.endsWith('_created');
  const tail = created ? 'was created.' : `finished with duration ${formatDuration(e.durationSeconds ?? 0)}.`;
  return {
    project: project.id,
    title: `${noun} ${created ? 'created' : 'finished'}: ${e.label} (${words.title})`,
    type: e.type,
    body: `${noun} [${e.label}](${project.appBaseUrl}${url}) (by ${project.creatorName})\n${tail}`,
    url,
    data,
  };
}

export function executionPayload(type: NotificationEventType, x: LocalExecution, project: NotificationProject): NotificationPayload {
  const begin = x.startedAt ?? x.queuedAt ?? x.createdAt;
  const durationSeconds = x.endedAt !== undefined ? Math.max(0, (x.endedAt - begin) / 1000) : null;
  const label = `${project.name}/#${x.counter}`;
  return envelope({ type, kind: 'execution', label, id: x.id, durationSeconds }, project, {
    'valohai.execution-counter': x.counter,
    'valohai.execution-ctime': serviceTime(x.createdAt),
    'valohai.execution-duration': durationSeconds,
    'valohai.execution-id': x.id,
    'valohai.execution-qtime': x.queuedAt !== undefined ? serviceTime(x.queuedAt) : null,
    'valohai.execution-status': statusWords(type).data,
    'valohai.execution-step': x.step,
    'valohai.execution-title': x.title,
    ...common(project),
  });
}

export function pipelinePayload(type: NotificationEventType, p: LocalPipeline, project: NotificationProject): NotificationPayload {
  const begin = p.startedAt ?? p.createdAt;
  const durationSeconds = p.endedAt !== undefined ? Math.max(0, (p.endedAt - begin) / 1000) : null;
  const label = `${project.name}/#${p.counter}`;
  return envelope({ type, kind: 'pipeline', label, id: p.id, durationSeconds }, project, {
    'valohai.pipeline-counter': p.counter,
    'valohai.pipeline-ctime': serviceTime(p.createdAt),
    'valohai.pipeline-duration': durationSeconds,
    'valohai.pipeline-id': p.id,
    'valohai.pipeline-status': statusWords(type).data,
    'valohai.pipeline-title': p.name,
    ...common(project),
  });
}

/** Realistic payloads of every type, for the simulator; the execution one is the documented example's data. */
export function examplePayload(type: NotificationEventType, project: NotificationProject, now: number): NotificationPayload {
  const kind = type.slice(0, type.indexOf('_'));
  const ended = now;
  const created = ended - 660_019;
  if (kind === 'execution') {
    return executionPayload(
      type,
      {
        id: '0178f482-8686-fb28-8af1-3d36af38079d',
        counter: 736,
        step: 'Train model (MNIST)',
        title: null,
        status: 'completed',
        mode: 'simulate',
        parameters: {},
        inputs: {},
        outputs: [],
        createdAt: created,
        queuedAt: created + 81,
        startedAt: created,
        endedAt: type === 'execution_created' ? undefined : ended,
      },
      project,
    );
  }
  if (kind === 'pipeline') {
    return pipelinePayload(
      type,
      {
        id: '0178f4a0-1b2c-4d5e-8f90-1a2b3c4d5e6f',
        counter: 42,
        name: 'train-and-evaluate',
        status: 'completed',
        nodes: [],
        createdAt: created,
        startedAt: created,
        endedAt: ended,
      },
      project,
    );
  }
  const words = statusWords(type);
  if (kind === 'task') {
    const durationSeconds = 1843.52;
    return envelope({ type, kind: 'task', label: `${project.name}/#17`, id: '0178f4b1-2c3d-4e5f-9a0b-2b3c4d5e6f70', durationSeconds }, project, {
      'valohai.task-counter': 17,
      'valohai.task-ctime': serviceTime(ended - durationSeconds * 1000),
      'valohai.task-duration': durationSeconds,
      'valohai.task-id': '0178f4b1-2c3d-4e5f-9a0b-2b3c4d5e6f70',
      'valohai.task-status': words.data,
      'valohai.task-step': 'Train model (MNIST)',
      'valohai.task-title': 'learning-rate sweep',
      ...common(project),
    });
  }
  const label = `${project.name}/mnist-predict 20210421.0`;
  return envelope({ type, kind: 'deployment', label, id: '0178f4c2-3d4e-4f60-8b1c-3c4d5e6f7081', durationSeconds: 95.2 }, project, {
    'valohai.deployment-id': '0178f4c2-3d4e-4f60-8b1c-3c4d5e6f7081',
    'valohai.deployment-name': 'mnist-predict',
    'valohai.deployment-version-name': '20210421.0',
    'valohai.deployment-ctime': serviceTime(ended - 95_200),
    'valohai.deployment-status': words.data,
    ...common(project),
  });
}
