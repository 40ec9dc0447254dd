import type { WebAuthCondition } from '@shared/trigger';
import { controlProps, EditorField } from '../EditorField';

// `algorithms` are the condition's own auth type's, so the changed condition keeps its shape
export function AlgorithmField({
  value,
  path,
  algorithms,
  onChange,
}: {
  value: WebAuthCondition;
  path: string;
  algorithms: readonly string[];
  onChange(next: WebAuthCondition): void;
}) {
  return (
    <EditorField label="Algorithm" path={`${path}.algorithm`}>
      <select
        className="input"
        {...controlProps(`${path}.algorithm`, undefined)}
        value={value.algorithm ?? ''}
        onChange={(e) => onChange({ ...value, algorithm: e.target.value } as WebAuthCondition)}
      >
        {value.algorithm === undefined && <option value="">(default sha256)</option>}
        {algorithms.map((a) => (
          <option key={a} value={a}>
            {a}
            {['sha224', 'sha384', 'md5'].includes(a) ? ' (extension)' : ''}
          </option>
        ))}
      </select>
    </EditorField>
  );
}
