import type { TriggerOutcome } from '@shared/capture';

const LABELS: Record<TriggerOutcome, string> = {
  launched: 'Launched',
  rejected: 'Rejected',
  'run-info': 'Run info',
  'not-found': 'Not found',
  'method-not-allowed': 'Wrong method',
  'too-large': 'Too large',
};

export function OutcomeBadge({ outcome }: { outcome: TriggerOutcome }) {
  return (
    <span className={`outcome outcome-${outcome}`} data-testid="outcome">
      {LABELS[outcome] ?? outcome}
    </span>
  );
}
