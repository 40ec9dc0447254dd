import { useEffect, useState } from 'react';
import type { Action, WebResponseJsonAction } from '../../../../../shared/trigger';
import { parseJsonText } from '../lib/jsonText';
import { controlProps, EditorField } from './EditorField';
import { useIssues } from './issuesContext';

interface Props<A extends Action> {
  value: A;
  path: string;
  onChange(next: A): void;
  /** errors only this card knows (unparsable JSON), so the editor can refuse to save */
  onLocalError(path: string, message: string | null): void;
}

export function ActionFields({ value, path, onChange, onLocalError }: Props<Action>) {
  const textIssues = useIssues(`${path}.text`);
  switch (value.type) {
    case 'web-response-text':
      return (
        <EditorField label="Response text" path={`${path}.text`} wide hint="{run_id} is replaced by the id of the run this request created.">
          <input className="input mono" {...controlProps(`${path}.text`, textIssues.error)} value={value.text} onChange={(e) => onChange({ ...value, text: e.target.value })} />
        </EditorField>
      );
    case 'web-response-json':
      return <JsonResponseField value={value} path={path} onChange={onChange} onLocalError={onLocalError} />;
    case 'run-execution':
      return (
        <>
          <NameField label="Step" path={`${path}.step`} value={value.step} onChange={(step) => onChange({ ...value, step })} />
          <NameField label="Payload input" path={`${path}.payloadInputName`} value={value.payloadInputName ?? ''} hint="The step input that receives the untouched request body." onChange={(n) => onChange({ ...value, payloadInputName: n })} />
        </>
      );
    case 'run-pipeline':
    case 'copy-pipeline':
      return (
        <>
          <NameField label="Pipeline" path={`${path}.pipeline`} value={value.pipeline} onChange={(pipeline) => onChange({ ...value, pipeline })} />
          <NameField label="Payload input" path={`${path}.payloadInputName`} value={value.payloadInputName ?? ''} hint='As "node.input": the pipeline node and its input that receive the request body.' onChange={(n) => onChange({ ...value, payloadInputName: n })} />
        </>
      );
  }
}

function NameField({ label, path, value, hint, onChange }: { label: string; path: string; value: string; hint?: string; onChange(next: string): void }) {
  const { error } = useIssues(path);
  return (
    <EditorField label={label} path={path} hint={hint}>
      <input className="input mono" {...controlProps(path, error)} value={value} spellCheck={false} onChange={(e) => onChange(e.target.value)} />
    </EditorField>
  );
}

function JsonResponseField({ value, path, onChange, onLocalError }: Props<WebResponseJsonAction>) {
  const [text, setText] = useState(() => JSON.stringify(value.json, null, 2));
  const parsed = parseJsonText(text);
  const localError = parsed.ok ? null : parsed.message;
  const { error } = useIssues(`${path}.json`);
  useEffect(() => {
    onLocalError(`${path}.json`, localError);
    return () => onLocalError(`${path}.json`, null);
  }, [path, localError, onLocalError]);
  return (
    <EditorField label="Response JSON" path={`${path}.json`} wide hint="{run_id} inside any string (nested too) is replaced by the run id.">
      <textarea
        className="input textarea mono"
        rows={Math.min(14, Math.max(4, text.split('\n').length))}
        {...controlProps(`${path}.json`, localError ?? error)}
        value={text}
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
          const next = parseJsonText(e.target.value);
          if (next.ok) onChange({ ...value, json: next.value });
        }}
      />
      {localError && <p className="field-error" role="alert" data-testid={`json-error-${path}`}>{localError}</p>}
    </EditorField>
  );
}
