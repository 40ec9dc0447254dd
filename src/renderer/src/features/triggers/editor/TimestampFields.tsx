import type { WebTimestampCondition } from '@shared/trigger';
import { controlProps, EditorField } from './EditorField';
import { useIssues } from './issuesContext';
import { LookupFields } from './LookupFields';
import { NumberInput } from './NumberInput';

export function TimestampFields({ value, path, onChange }: { value: WebTimestampCondition; path: string; onChange(next: WebTimestampCondition): void }) {
  const tolerance = useIssues(`${path}.tolerance`);
  return (
    <>
      <LookupFields value={value} path={path} onChange={(l) => onChange({ ...value, ...l })} />
      <EditorField label="Tolerance" path={`${path}.tolerance`} hint="Seconds the timestamp may be away from now, in the past or the future.">
        <span className="inline-controls">
          <NumberInput {...controlProps(`${path}.tolerance`, tolerance.error)} value={value.tolerance} onChange={(n) => onChange({ ...value, tolerance: n })} />
          <span className="muted">seconds</span>
        </span>
      </EditorField>
      <EditorField label="Timestamp unit" path={`${path}.unit`}>
        <select
          className="input"
          {...controlProps(`${path}.unit`, undefined)}
          value={value.unit ?? 's'}
          onChange={(e) => onChange(e.target.value === 'ms' ? { ...value, unit: 'ms' } : (({ unit: _u, ...rest }) => rest)(value))}
        >
          <option value="s">UNIX seconds</option>
          <option value="ms">milliseconds (extension)</option>
        </select>
      </EditorField>
    </>
  );
}
