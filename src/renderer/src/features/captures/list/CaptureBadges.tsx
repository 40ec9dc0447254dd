// What a row says beyond method and path: which trigger it hit and what that trigger did, the
// event the provider named, and whether Hookbench itself sent it.
import type { CaptureSummary, SentBy, TriggerOutcome } from '@shared/capture';

const OUTCOME_WORDS: Record<TriggerOutcome, string> = {
  launched: 'launched',
  rejected: 'rejected',
  'run-info': 'run info',
  'not-found': 'not found',
  'method-not-allowed': 'wrong method',
  'too-large': 'too large',
};

export const SENT_BY_WORDS: Record<SentBy, string> = {
  notification: 'notification',
  'run-info-poll': 'run-info poll',
  sender: 'Sender',
};

export function CaptureBadges({ summary, triggerTitle }: { summary: CaptureSummary; triggerTitle: string | undefined }) {
  return (
    <>
      {summary.sentBy && (
        <span
          className="row-chip row-chip-self"
          data-testid="row-self"
          data-sent-by={summary.sentBy}
          title={`Sent by Hookbench itself (${SENT_BY_WORDS[summary.sentBy]})`}
        >
          ↺ {SENT_BY_WORDS[summary.sentBy]}
        </span>
      )}
      {summary.outcome && (
        <span
          className={`row-chip row-trigger outcome-${summary.outcome}`}
          data-testid="row-trigger"
          data-outcome={summary.outcome}
          title={summary.triggerId ? `Trigger ${summary.triggerId}` : undefined}
        >
          {summary.triggerId ? <span className="row-trigger-title">{triggerTitle ?? summary.triggerId}</span> : null}
          <span className="row-trigger-outcome">{OUTCOME_WORDS[summary.outcome]}</span>
        </span>
      )}
      {summary.event && (
        <span className="row-chip row-event" data-testid="row-event" title={`${summary.eventProvider ?? 'Provider'} event`}>
          {summary.event}
        </span>
      )}
    </>
  );
}
