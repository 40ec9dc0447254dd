import type { Lookup, LookupNamespace } from '@shared/trigger';
import { describePrefix, showSpaces } from '../lib/visibleSpaces';
import { controlProps, EditorField } from './EditorField';
import { useIssues } from './issuesContext';

const NAMESPACES: LookupNamespace[] = ['header', 'query', 'form', 'json'];
const KEY_HINT: Record<LookupNamespace, string> = {
  header: 'Header name (case-insensitive).',
  query: 'Query-string parameter.',
  form: 'Field of a URL-encoded body.',
  json: 'Top-level key of a JSON body (a dotted path is a Hookbench extension; \\. escapes a dot).',
};

/** Where a value is read from: namespace, key and the prefix cut from its start. */
export function LookupFields({
  value,
  path,
  onChange,
  withPrefix = true,
}: {
  value: Lookup;
  path: string;
  onChange(next: Lookup): void;
  withPrefix?: boolean;
}) {
  const keyIssues = useIssues(`${path}.key`);
  const prefix = value.prefix ?? '';
  const prefixNote = describePrefix(prefix);
  return (
    <>
      <EditorField label="Read from" path={`${path}.namespace`}>
        <select
          className="input"
          {...controlProps(`${path}.namespace`, undefined)}
          value={value.namespace}
          onChange={(e) => onChange({ ...value, namespace: e.target.value as LookupNamespace })}
        >
          {NAMESPACES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </EditorField>
      <EditorField label="Key" path={`${path}.key`} hint={KEY_HINT[value.namespace]}>
        <input
          className="input mono"
          {...controlProps(`${path}.key`, keyIssues.error)}
          value={value.key}
          spellCheck={false}
          onChange={(e) => onChange({ ...value, key: e.target.value })}
        />
      </EditorField>
      {withPrefix && (
        <EditorField
          label="Prefix"
          path={`${path}.prefix`}
          hint={
            prefixNote ? (
              <>
                Cut exactly:{' '}
                <code className="visible-spaces" data-testid={`prefix-visible-${path}`}>
                  {showSpaces(prefix)}
                </code>{' '}
                ({prefixNote})
              </>
            ) : (
              'Cut exactly from the start of the value, e.g. "sha256=" or "Bearer " (with its space).'
            )
          }
        >
          <input
            className="input mono"
            {...controlProps(`${path}.prefix`, undefined)}
            value={prefix}
            spellCheck={false}
            placeholder="(none)"
            onChange={(e) => onChange({ ...value, prefix: e.target.value })}
          />
        </EditorField>
      )}
    </>
  );
}
