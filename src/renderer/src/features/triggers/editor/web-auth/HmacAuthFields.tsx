// The fields only an HMAC web-auth condition has: algorithm, basestring format, encoding.
import { HMAC_ALGORITHMS } from '@shared/trigger';
import { controlProps, EditorField } from '../EditorField';
import { FormatInput } from '../FormatInput';
import { fieldId, useIssues } from '../issuesContext';
import { AlgorithmField } from './AlgorithmField';
import type { WebAuthFieldsProps } from './types';

export function HmacAuthFields({ value, path, onChange }: WebAuthFieldsProps) {
  const formatIssues = useIssues(`${path}.hmacFormat`);
  return (
    <>
      <AlgorithmField value={value} path={path} algorithms={HMAC_ALGORITHMS} onChange={onChange} />
      <EditorField
        label="Basestring format"
        path={`${path}.hmacFormat`}
        wide
        hint="What is signed: literal text with {body} and {header:Name} filled in from the request."
      >
        <FormatInput
          value={value.hmacFormat ?? '{body}'}
          id={fieldId(`${path}.hmacFormat`)}
          testId={`input-${path}.hmacFormat`}
          invalid={!!formatIssues.error}
          onChange={(hmacFormat) => onChange({ ...value, hmacFormat })}
        />
      </EditorField>
      <EditorField label="Encoding" path={`${path}.encoding`}>
        <select
          className="input"
          {...controlProps(`${path}.encoding`, undefined)}
          value={value.encoding ?? 'hex'}
          onChange={(e) => onChange({ ...value, encoding: e.target.value as 'hex' | 'base64' })}
        >
          <option value="hex">hex (compared case-insensitively)</option>
          <option value="base64">base64 (extension)</option>
        </select>
      </EditorField>
    </>
  );
}
