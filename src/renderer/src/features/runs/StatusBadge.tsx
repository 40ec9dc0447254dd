import type { ExecutionStatus, PipelineStatus } from '@shared/runs';

export type AnyRunStatus = ExecutionStatus | PipelineStatus | 'pending';

export function StatusBadge({ status, testId }: { status: AnyRunStatus; testId?: string }) {
  return (
    <span className={`runs-badge runs-badge-${status}`} data-testid={testId ?? 'run-status-badge'} data-status={status}>
      {status}
    </span>
  );
}
