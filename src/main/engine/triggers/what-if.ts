// What-if: how would earlier requests have fared under an edited trigger? Each is evaluated
// as of the moment it arrived (timestamps, JWT exp) and nothing is charged to rate limits.
import type { HeaderTuple } from '@shared/capture';
import type { WhatIfRow } from '@shared/contract';
import type { Trigger } from '@shared/trigger';
import type { TriggerLogEntry } from '@shared/trigger-log';
import type { EnvSource } from '@shared/triggers/secrets';
import { evaluateTrigger, firstFailure } from './evaluate';

export interface WhatIfCapture {
  id: string;
  receivedAt: number;
  method: string;
  url: string;
  rawHeaders: HeaderTuple[];
  body: Uint8Array;
}

export async function whatIf(
  trigger: Trigger,
  captures: readonly WhatIfCapture[],
  previous: readonly Pick<TriggerLogEntry, 'at' | 'triggerId' | 'captureId' | 'outcome'>[],
  env: EnvSource,
): Promise<WhatIfRow[]> {
  const byCapture = new Map(previous.map((e) => [e.captureId, e]));
  const launches = previous
    .filter((e) => e.outcome === 'launched' && e.triggerId === trigger.id)
    .map((e) => e.at)
    .sort((a, b) => a - b);
  const rows: WhatIfRow[] = [];
  for (const capture of captures) {
    const recorded = byCapture.get(capture.id);
    const results = await evaluateTrigger(trigger, capture, {
      env,
      now: capture.receivedAt,
      launches: launches.filter((t) => t < capture.receivedAt),
    });
    const failure = firstFailure(results);
    rows.push({
      captureId: capture.id,
      receivedAt: capture.receivedAt,
      before: recorded?.outcome === 'launched' ? 'passed' : 'failed',
      after: failure ? 'failed' : 'passed',
      ...(failure ? { failedAt: { index: failure.index, type: failure.type, reason: failure.reason } } : {}),
    });
  }
  return rows;
}
