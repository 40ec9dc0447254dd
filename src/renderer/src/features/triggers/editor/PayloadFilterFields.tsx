import { FILTER_OPERATORS, type PayloadFilterCondition } from '@shared/trigger';
import { withOperator } from '../lib/draftOps';
import { controlProps, EditorField } from './EditorField';
import { useIssues } from './issuesContext';
import { ListTextarea } from './ListTextarea';
import { LookupFields } from './LookupFields';

export function PayloadFilterFields({ value, path, onChange }: { value: PayloadFilterCondition; path: string; onChange(next: PayloadFilterCondition): void }) {
  const valueIssues = useIssues(`${path}.value`);
  const needsValue = value.operator !== 'exists' && value.operator !== 'not-exists';
  // the operator of the one-string field below (only shown for those operators)
  const stringOperator = value.operator === 'exists' || value.operator === 'not-exists' || value.operator === 'in' ? 'equals' : value.operator;
  return (
    <>
      <LookupFields value={value} path={path} withPrefix={false} onChange={(l) => onChange({ ...value, namespace: l.namespace, key: l.key })} />
      <EditorField label="Operator" path={`${path}.operator`}>
        <select
          className="input"
          {...controlProps(`${path}.operator`, undefined)}
          value={value.operator}
          onChange={(e) => onChange(withOperator(value, e.target.value as PayloadFilterCondition['operator']))}
        >
          {FILTER_OPERATORS.map((op) => (
            <option key={op} value={op}>
              {op}
            </option>
          ))}
        </select>
      </EditorField>
      {needsValue && value.operator === 'in' && (
        <EditorField label="Values" path={`${path}.value`} hint="One accepted value per line.">
          <ListTextarea
            {...controlProps(`${path}.value`, valueIssues.error)}
            list={Array.isArray(value.value) ? value.value : []}
            onChange={(list) => onChange({ ...value, operator: 'in', value: list })}
          />
        </EditorField>
      )}
      {needsValue && value.operator !== 'in' && (
        <EditorField label={value.operator === 'regex' ? 'Pattern' : 'Value'} path={`${path}.value`}>
          <input
            className="input mono"
            {...controlProps(`${path}.value`, valueIssues.error)}
            value={typeof value.value === 'string' ? value.value : ''}
            spellCheck={false}
            onChange={(e) => onChange({ ...value, operator: stringOperator, value: e.target.value })}
          />
        </EditorField>
      )}
    </>
  );
}
