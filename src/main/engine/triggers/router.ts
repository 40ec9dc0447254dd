// The receiver's trigger URLs: launch and run-info, exactly as docs/triggers.md says.
import type { CaptureSummary, CapturedResponse, TriggerOutcome } from '@shared/capture';
import type { EngineEvent } from '@shared/events';
import type { Trigger } from '@shared/trigger';
import type { ConditionResult, TriggerLogEntry, TriggerRun } from '@shared/trigger-log';
import type { EnvSource } from '@shared/triggers/secrets';
import type { IncomingRequest, RouteDecision } from '../ports';
import { allPassed, evaluateTrigger } from './evaluate';
import type { LaunchHistory } from './launch-history';
import { parseLaunchPath } from './launch-path';
import { badRequest, launchResponse, methodNotAllowed, notFound } from './responses';
import { completeRun, idOnlyLauncher, type ActionLauncher } from './run-actions';
import { runIdOf } from './run-id-lookup';
import { errorMessage } from '@shared/error-message';
import { randomUuid } from '../crypto/random-uuid';
import { firstFailure } from '../util/first-failure';
import { andThen, type MaybePromise } from '../util/maybe-promise';
import { countsLaunches, RUN_INFO_CONDITION_TYPES } from '@shared/kinds/conditions';
import { isRunAction } from '@shared/kinds/actions';
import type { TriggerLogStore } from './trigger-log-store';
import type { TriggerRunStore } from './trigger-run-store';
import { completedAtLaunch } from './carried-runs';

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

/** null: the URL is not a trigger URL. Synchronous unless a condition or a rate-limit lock waits. */
export type TriggerRouter = (request: IncomingRequest) => MaybePromise<RouteDecision | null>;

export function createTriggerRouter(deps: TriggerRouterDeps): TriggerRouter {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? randomUuid;
  const launch = deps.launchAction ?? idOnlyLauncher;
  // committed launches are started together, a macrotask after their commit: by then the
  // receiver has checked that each answer can still go out (one setImmediate per turn, not per launch)
  const toStart: PendingLaunch[] = [];
  const startQueued = (): void => {
    for (const pending of toStart.splice(0)) pending.start();
  };
  const launchDeps: LaunchDeps = {
    ...deps,
    now,
    newId,
    launch,
    scheduleStart(pending) {
      if (toStart.push(pending) === 1) setImmediate(startQueued);
    },
  };
  // Evaluation and the rate-limit reservation of one trigger must not interleave, or two
  // concurrent requests could both take the last slot of a quota.
  const locks = new Map<string, Promise<unknown>>();
  const serially = <T>(key: string, task: () => MaybePromise<T>): Promise<T> => {
    const run = (locks.get(key) ?? Promise.resolve()).then(task, task);
    const tail = run.catch(() => undefined);
    locks.set(key, tail);
    void tail.then(() => {
      if (locks.get(key) === tail) locks.delete(key);
    });
    return run;
  };

  function decide(
    request: IncomingRequest,
    kind: RouteDecision['kind'],
    triggerId: string,
    outcome: TriggerOutcome,
    response: CapturedResponse,
    details: { conditions?: ConditionResult[]; runId?: string; note?: string; at?: number } = {},
  ): RouteDecision {
    return {
      kind,
      response,
      triggerId,
      outcome,
      commit: async (captured) => {
        const entry: TriggerLogEntry = {
          id: newId(),
          at: details.at ?? now(),
          triggerId,
          captureId: request.id,
          outcome,
          conditions: details.conditions ?? [],
          status: response.status,
          ...(details.runId ? { runId: details.runId } : {}),
          ...(details.note ? { note: details.note } : {}),
        };
        // One durable wait, not one per record: the log entry is appended in the same turn as
        // the capture, so the journals' group commits write them side by side.
        const failed = await firstFailure(captured, deps.log.append(entry));
        if (failed) throw failed.reason;
        deps.onEvent?.({ type: 'trigger.evaluated', at: entry.at, entry });
      },
    };
  }

  /** evaluates a launch and, when it passes, reserves its rate-limit slot */
  function evaluateLaunch(request: IncomingRequest, trigger: Trigger): MaybePromise<Verdict> {
    const at = now();
    return andThen(evaluateTrigger(trigger, request, { env: deps.env(), now: at, launches: deps.history.times(trigger.id) }), (conditions) => {
      const passed = allPassed(conditions);
      if (passed) deps.history.record(trigger.id, at);
      return { at, conditions, passed };
    });
  }

  function handleLaunch(request: IncomingRequest, trigger: Trigger): MaybePromise<RouteDecision> {
    if (request.method !== 'POST') {
      return decide(request, 'launch', trigger.id, 'method-not-allowed', methodNotAllowed('POST'), {
        note: `${request.method} is not allowed on a launch URL; use POST`,
      });
    }
    // Only conditions that count launches (rate limits) need evaluation and reservation to be atomic; other triggers run in parallel.
    const verdict = countsLaunches(trigger.conditions) ? serially(trigger.id, () => evaluateLaunch(request, trigger)) : evaluateLaunch(request, trigger);
    return andThen(verdict, ({ at, conditions, passed }) => {
      if (!passed) return decide(request, 'launch', trigger.id, 'rejected', badRequest(), { conditions, at });
      const runId = newId();
      const run: TriggerRun = { id: runId, triggerId: trigger.id, captureId: request.id, createdAt: at, updatedAt: at, status: 'pending', result: [] };
      return new PendingLaunch(launchDeps, request, trigger, run, conditions);
    });
  }

  function handleRunInfo(request: IncomingRequest, trigger: Trigger): MaybePromise<RouteDecision> {
    if (request.method !== 'GET' && request.method !== 'POST') {
      return decide(request, 'run-info', trigger.id, 'method-not-allowed', methodNotAllowed('GET, POST'), {
        note: `${request.method} is not allowed on a run-info URL; use GET or POST`,
      });
    }
    const at = now();
    return andThen(evaluateTrigger(trigger, request, { env: deps.env(), now: at, only: RUN_INFO_CONDITION_TYPES }), (conditions) =>
      runInfo(request, trigger, conditions, at),
    );
  }

  function runInfo(request: IncomingRequest, trigger: Trigger, conditions: ConditionResult[], at: number): RouteDecision {
    if (!allPassed(conditions)) return decide(request, 'run-info', trigger.id, 'rejected', badRequest(), { conditions, at });
    const runId = runIdOf(request);
    const run = runId ? deps.runs.get(runId) : null;
    if (!run || run.triggerId !== trigger.id) {
      const note = runId ? `run ${JSON.stringify(runId.slice(0, 80))} is not a run of this trigger` : 'the request names no run_id';
      return decide(request, 'run-info', trigger.id, 'not-found', notFound(), { conditions, at, note });
    }
    const body = { status: run.status, result: run.result };
    return decide(
      request,
      'run-info',
      trigger.id,
      'run-info',
      { status: 200, headers: [['Content-Type', 'application/json']], body: JSON.stringify(body) },
      { conditions, at, runId: run.id },
    );
  }

  return (request) => {
    const target = parseLaunchPath(request.url);
    if (!target) return null;
    const kind = target.kind === 'run-info' ? 'run-info' : 'launch';
    const trigger = target.kind === 'unknown' ? undefined : deps.getTrigger(target.triggerId);
    if (!trigger || !trigger.enabled) {
      const note = target.kind === 'unknown' ? 'not a launch or run-info URL' : trigger ? 'the trigger is disabled' : 'no trigger has this id';
      return decide(request, kind, target.triggerId, 'not-found', notFound(), { note });
    }
    return target.kind === 'launch' ? handleLaunch(request, trigger) : handleRunInfo(request, trigger);
  };
}

interface Verdict {
  at: number;
  conditions: ConditionResult[];
  passed: boolean;
}

interface LaunchDeps extends Pick<TriggerRouterDeps, 'log' | 'runs' | 'history' | 'onEvent'> {
  now: () => number;
  newId: () => string;
  launch: ActionLauncher;
  scheduleStart(pending: PendingLaunch): void;
}

/**
 * A launch that passed its conditions, and the receiver's decision for it: its run and log
 * entry are committed with the capture, then it starts (or, when its answer was abandoned, its
 * run ends as error). It is the RouteDecision itself: commit and abandon are methods on the
 * prototype, so a launch makes no functions of its own.
 *
 * A trigger without run actions has nothing to launch, so its run is final at its commit:
 * already `completed` (what completeRun would store, with updatedAt the launch time), and its
 * log entry carries it (carried-runs.ts) — no run record of its own, where the run store reads
 * through that log. The events are the same (run.status pending at the commit, completed once
 * started) and a reopen reads the same run.
 */
class PendingLaunch implements RouteDecision {
  readonly kind = 'launch';
  readonly outcome = 'launched';
  readonly response: CapturedResponse;
  readonly triggerId: string;
  private runStored = false;
  private abandoned: string | null = null;
  /** the run, completed, when the trigger has no run actions; null when it has some */
  private readonly final: TriggerRun | null;
  /** the final run is carried by the log entry (the run store reads through this log), not stored on its own */
  private readonly carried: boolean;

  constructor(
    private readonly deps: LaunchDeps,
    private readonly request: IncomingRequest,
    private readonly trigger: Trigger,
    private readonly run: TriggerRun,
    private readonly conditions: ConditionResult[],
  ) {
    this.response = launchResponse(trigger.actions, run.id);
    this.triggerId = trigger.id;
    this.final = trigger.actions.some(isRunAction) ? null : completedAtLaunch(run);
    this.carried = this.final !== null && deps.runs.carriedBy === deps.log;
  }

  async commit(captured: Promise<CaptureSummary>): Promise<void> {
    const { deps, run } = this;
    const at = run.createdAt;
    const entry: TriggerLogEntry = {
      id: deps.newId(),
      at,
      triggerId: run.triggerId,
      captureId: run.captureId,
      outcome: 'launched',
      conditions: this.conditions,
      status: this.response.status,
      runId: run.id,
    };
    // One durable wait, not one per record: the log entry and the run are appended in the same
    // turn as the capture, so the journals' group commits write them side by side. A final run
    // is carried by the entry when the run store reads through this log.
    const logged = deps.log.append(entry, this.carried);
    const failed = this.carried
      ? await firstFailure(captured, this.stored(logged))
      : await firstFailure(captured, logged, this.stored(deps.runs.put(this.final ?? run)));
    if (failed) {
      // the request is answered 500 and nothing launches: its rate-limit slot is free again,
      // and a run that did reach the disk is not left pending forever
      deps.history.forget(run.triggerId, at);
      if (this.runStored) await this.settleAsError(`the request was answered 500: ${errorMessage(failed.reason)}`);
      throw failed.reason;
    }
    deps.onEvent?.({ type: 'trigger.evaluated', at: entry.at, entry });
    deps.scheduleStart(this);
  }

  /** once the run is on disk (its record, or the entry carrying it): run.status pending */
  private stored(written: Promise<void>): Promise<void> {
    return written.then(() => {
      this.runStored = true;
      this.deps.onEvent?.({ type: 'run.status', at: this.run.createdAt, run: this.run });
    });
  }

  /** the answer cannot reach the client: an answer the client never gets launches nothing, and its rate-limit slot is free again */
  abandon(reason: string): void {
    this.abandoned = reason;
    this.deps.history.forget(this.run.triggerId, this.run.createdAt);
  }

  start(): void {
    const { deps, final } = this;
    if (this.abandoned === null && final) deps.onEvent?.({ type: 'run.status', at: final.updatedAt, run: final });
    else if (this.abandoned === null)
      void completeRun(
        { trigger: this.trigger, run: this.run, request: this.request },
        { runs: deps.runs, launch: deps.launch, now: deps.now, onEvent: deps.onEvent },
      );
    else void this.settleAsError(`not started: ${this.abandoned}`);
  }

  /** a stored run that will never launch ends as error, with why, instead of staying pending */
  private settleAsError(message: string): Promise<void> {
    const settled: TriggerRun = { ...this.run, status: 'error', updatedAt: this.deps.now(), errors: [{ action: 'launch', message }] };
    // a carried run is settled beside its entry; one whose entry retention already took is gone, and stays gone
    const written = this.carried ? (this.deps.log.settleCarriedRun(settled) ?? Promise.resolve()) : this.deps.runs.put(settled);
    return written.then(
      () => this.deps.onEvent?.({ type: 'run.status', at: settled.updatedAt, run: settled }),
      () => undefined,
    );
  }
}
