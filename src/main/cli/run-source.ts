// Where `runs` and `notify` read from: the running serve's control API, or — when nothing runs —
// the run records, the runs/ folder and the delivery journal, opened read-only without the lock
// through the same readers the engine answers with, so both ways print the same.
import type { DeliveryDetail, DeliveryFilter, DeliverySummary } from '@shared/notifications';
import type { ExecutionDetail, LogPage, LogQuery, PipelineDetail, RunsPage, RunsQuery } from '@shared/runs';
import type { Access } from './access';

export interface RunSource {
  list(query: RunsQuery): Promise<RunsPage>;
  execution(id: string): Promise<ExecutionDetail | null>;
  pipeline(id: string): Promise<PipelineDetail | null>;
  log(query: LogQuery): Promise<LogPage>;
  close(): Promise<void>;
}

export async function openRunSource(access: Access): Promise<RunSource> {
  if (access.kind === 'serve') {
    const { client } = access;
    return {
      list: (query) => client.call('runs.list', query),
      execution: (id) => client.call('runs.getExecution', { id }),
      pipeline: (id) => client.call('runs.getPipeline', { id }),
      log: (query) => client.call('runs.log', query),
      close: async () => undefined,
    };
  }
  const { openRunReader } = await import('../engine/runs/run-reader');
  const reader = await openRunReader(access.dataDir);
  return {
    list: async (query) => reader.list(query),
    execution: (id) => reader.execution(id),
    pipeline: async (id) => reader.pipeline(id),
    log: (query) => reader.log(query),
    close: () => reader.close(),
  };
}

export interface DeliverySource {
  list(filter: DeliveryFilter, limit: number): Promise<DeliverySummary[]>;
  get(id: string): Promise<DeliveryDetail | null>;
  close(): Promise<void>;
}

export async function openDeliverySource(access: Access): Promise<DeliverySource> {
  if (access.kind === 'serve') {
    const { client } = access;
    return {
      list: (filter, limit) => client.call('deliveries.list', { filter, limit }),
      get: (id) => client.call('deliveries.get', { id }),
      close: async () => undefined,
    };
  }
  const { openDeliveryStore, deliveriesDir, deliveryListLimit } = await import('../engine/notifications/delivery-store');
  const store = await openDeliveryStore(deliveriesDir(access.dataDir), { readOnly: true });
  return {
    list: async (filter, limit) => store.list(filter, deliveryListLimit(limit)),
    get: (id) => store.get(id),
    close: () => store.close(),
  };
}
