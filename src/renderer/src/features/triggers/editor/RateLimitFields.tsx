import type { RateLimitCondition } from '@shared/trigger';
import { formatPeriod } from '../lib/conditionSummary';
import { controlProps, EditorField } from './EditorField';
import { useIssues } from './issuesContext';
import { NumberInput } from './NumberInput';

export function RateLimitFields({ value, path, onChange }: { value: RateLimitCondition; path: string; onChange(next: RateLimitCondition): void }) {
  const quota = useIssues(`${path}.quota`);
  const period = useIssues(`${path}.period`);
  return (
    <>
      <EditorField label="Quota" path={`${path}.quota`} hint="Launches allowed inside the window. Rejected requests do not count.">
        <NumberInput {...controlProps(`${path}.quota`, quota.error)} value={value.quota} onChange={(n) => onChange({ ...value, quota: n })} />
      </EditorField>
      <EditorField
        label="Period"
        path={`${path}.period`}
        hint={Number.isFinite(value.period) && value.period > 0 ? `A sliding window of ${formatPeriod(value.period)}.` : undefined}
      >
        <span className="inline-controls">
          <NumberInput {...controlProps(`${path}.period`, period.error)} value={value.period} onChange={(n) => onChange({ ...value, period: n })} />
          <span className="muted">seconds</span>
        </span>
      </EditorField>
    </>
  );
}
