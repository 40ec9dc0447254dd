// The receiver's trigger URLs: launch and run-info, exactly as docs/triggers.md says.
import { randomUUID } from 'node:crypto';
import type { CapturedResponse, TriggerOutcome } from '../../../shared/capture';
import type { EngineEvent } from '../../../shared/events';
import type { Trigger } from '../../../shared/trigger';
import type { ConditionResult, TriggerLogEntry, TriggerRun } from '../../../shared/trigger-log';
import type { EnvSource } from '../../../shared/triggers/secrets';
import type { IncomingRequest, RouteDecision } from '../ports';
import { allPassed, evaluateTrigger } from './evaluate';
import type { LaunchHistory } from './launch-history';
import { parseLaunchPath } from './launch-path';
import { badRequest, launchResponse, methodNotAllowed, notFound } from './responses';
import { completeRun, idOnlyLauncher, type ActionLauncher } from './run-actions';
import { runIdOf } from './run-id-lookup';
import { errorMessage } from '../../../shared/error-message';
import { countsLaunches, RUN_INFO_CONDITION_TYPES } from '../../../shared/kinds/conditions';
import type { TriggerLogStore } from './trigger-log-store';
import type { TriggerRunStore } from './trigger-run-store';

export interface TriggerRouterDeps {
  getTrigger(id: string): Trigger | undefined;
  env(): EnvSource;
  log: TriggerLogStore;
  runs: TriggerRunStore;
  history: LaunchHistory;
  onEvent?: (event: EngineEvent) => void;
  now?: () => number;
  newId?: () => string;
  /** what a run action creates; default: only a fresh id (the engine passes the local-runs launcher) */
  launchAction?: ActionLauncher;
}

export type TriggerRouter = (request: IncomingRequest) => Promise<RouteDecision | null>;

export function createTriggerRouter(deps: TriggerRouterDeps): TriggerRouter {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? randomUUID;
  const launch = deps.launchAction ?? idOnlyLauncher;
  // Evaluation and the rate-limit reservation of one trigger must not interleave, or two
  // concurrent requests could both take the last slot of a quota.
  const locks = new Map<string, Promise<unknown>>();
  const serially = <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const run = (locks.get(key) ?? Promise.resolve()).then(task, task);
    const tail = run.catch(() => undefined);
    locks.set(key, tail);
    void tail.then(() => { if (locks.get(key) === tail) locks.delete(key); });
    return run;
  };

  function decide(
    request: IncomingRequest,
    kind: RouteDecision['kind'],
    triggerId: string,
    outcome: TriggerOutcome,
    response: CapturedResponse,
    details: {
      conditions?: ConditionResult[]; runId?: string; note?: string; at?: number;
      /** another durable write of this request, issued together with the log entry */
      alongside?: () => Promise<void>;
      /** after everything is durable (never when a write failed) */
      afterCommit?: () => void;
      /** when any write failed, before the error goes back to the receiver */
      onFailure?: (error: unknown) => Promise<void>;
    } = {},
  ): RouteDecision {
    return {
      kind, response, triggerId, outcome,
      commit: async (captured) => {
        const entry: TriggerLogEntry = {
          id: newId(), at: details.at ?? now(), triggerId, captureId: request.id, outcome,
          conditions: details.conditions ?? [], status: response.status,
          ...(details.runId ? { runId: details.runId } : {}),
          ...(details.note ? { note: details.note } : {}),
        };
        // One durable wait, not one per record: the log entry (and the run) are appended in the
        // same turn as the capture, so the journals' group commits write them side by side.
        const settled = await Promise.allSettled([captured, deps.log.append(entry), details.alongside?.()]);
        const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (failed) {
          await details.onFailure?.(failed.reason);
          throw failed.reason;
        }
        deps.onEvent?.({ type: 'trigger.evaluated', at: entry.at, entry });
        details.afterCommit?.();
      },
    };
  }

  async function handleLaunch(request: IncomingRequest, trigger: Trigger): Promise<RouteDecision> {
    if (request.method !== 'POST') {
      return decide(request, 'launch', trigger.id, 'method-not-allowed', methodNotAllowed('POST'), { note: `${request.method} is not allowed on a launch URL; use POST` });
    }
    const evaluate = async () => {
      const at = now();
      const conditions = await evaluateTrigger(trigger, request, { env: deps.env(), now: at, launches: deps.history.times(trigger.id) });
      const passed = allPassed(conditions);
      if (passed) deps.history.record(trigger.id, at);
      return { at, conditions, passed };
    };
    // Only conditions that count launches (rate limits) need evaluation and reservation to be atomic; other triggers run in parallel.
    const verdict = countsLaunches(trigger.conditions) ? await serially(trigger.id, evaluate) : await evaluate();
    const { at, conditions } = verdict;
    if (!verdict.passed) return decide(request, 'launch', trigger.id, 'rejected', badRequest(), { conditions, at });

    const runId = newId();
    const run: TriggerRun = { id: runId, triggerId: trigger.id, captureId: request.id, createdAt: at, updatedAt: at, status: 'pending', result: [] };
    let runStored = false;
    let abandoned: string | null = null;
    /** a stored run that will never launch ends as error, with why, instead of staying pending */
    const settleAsError = (message: string): Promise<void> => {
      const settled: TriggerRun = { ...run, status: 'error', updatedAt: now(), errors: [{ action: 'launch', message }] };
      return deps.runs.put(settled).then(() => deps.onEvent?.({ type: 'run.status', at: settled.updatedAt, run: settled }), () => undefined);
    };
    const decision = decide(request, 'launch', trigger.id, 'launched', launchResponse(trigger.actions, runId), {
      conditions, runId, at,
      alongside: async () => {
        await deps.runs.put(run);
        runStored = true;
        deps.onEvent?.({ type: 'run.status', at, run });
      },
      afterCommit: () => {
        // a macrotask later: the receiver has checked by then that the answer can still go out
        setImmediate(() => {
          if (abandoned === null) return void completeRun({ trigger, run, request }, { runs: deps.runs, launch, now, onEvent: deps.onEvent });
          void settleAsError(`not started: ${abandoned}`);
        });
      },
      onFailure: async (error) => {
        // the request is answered 500 and nothing launches: its rate-limit slot is free again,
        // and a run that did reach the disk is not left pending forever
        deps.history.forget(trigger.id, at);
        if (runStored) await settleAsError(`the request was answered 500: ${errorMessage(error)}`);
      },
    });
    // an answer the client never gets launches nothing: its rate-limit slot is free again
    decision.abandon = (reason) => {
      abandoned = reason;
      deps.history.forget(trigger.id, at);
    };
    return decision;
  }

  async function handleRunInfo(request: IncomingRequest, trigger: Trigger): Promise<RouteDecision> {
    if (request.method !== 'GET' && request.method !== 'POST') {
      return decide(request, 'run-info', trigger.id, 'method-not-allowed', methodNotAllowed('GET, POST'), { note: `${request.method} is not allowed on a run-info URL; use GET or POST` });
    }
    const at = now();
    const conditions = await evaluateTrigger(trigger, request, { env: deps.env(), now: at, only: RUN_INFO_CONDITION_TYPES });
    if (!allPassed(conditions)) return decide(request, 'run-info', trigger.id, 'rejected', badRequest(), { conditions, at });
    const runId = runIdOf(request);
    const run = runId ? deps.runs.get(runId) : null;
    if (!run || run.triggerId !== trigger.id) {
      const note = runId ? `run ${JSON.stringify(runId.slice(0, 80))} is not a run of this trigger` : 'the request names no run_id';
      return decide(request, 'run-info', trigger.id, 'not-found', notFound(), { conditions, at, note });
    }
    const body = { status: run.status, result: run.result };
    return decide(request, 'run-info', trigger.id, 'run-info', { status: 200, headers: [['Content-Type', 'application/json']], body: JSON.stringify(body) }, { conditions, at, runId: run.id });
  }

  return async (request) => {
    const target = parseLaunchPath(request.url);
    if (!target) return null;
    const kind = target.kind === 'run-info' ? 'run-info' : 'launch';
    const trigger = target.kind === 'unknown' ? undefined : deps.getTrigger(target.triggerId);
    if (!trigger || !trigger.enabled) {
      const note = target.kind === 'unknown' ? 'not a launch or run-info URL'
        : trigger ? 'the trigger is disabled' : 'no trigger has this id';
      return decide(request, kind, target.triggerId, 'not-found', notFound(), { note });
    }
    return target.kind === 'launch' ? handleLaunch(request, trigger) : handleRunInfo(request, trigger);
  };
}
