// The editor's fields for each action type (the registry in editor/registry.ts picks them).
import { useContext, useEffect, useState } from 'react';
import {
  LOCAL_RUN_MODES,
  type Action,
  type CopyPipelineAction,
  type LocalRunMode,
  type RunExecutionAction,
  type RunPipelineAction,
  type WebResponseJsonAction,
  type WebResponseTextAction,
} from '@shared/trigger';
import type { RunAction } from '@shared/kinds/actions';
import { ProjectSummaryContext } from '../lib/useProjectSummary';
import { parseJsonText } from '../lib/jsonText';
import { controlProps, EditorField } from './EditorField';
import { useIssues } from './issuesContext';

/** What an action type's fields get: the action, its JSON path and a way to change it. */
export interface ActionFieldsProps<A extends Action> {
  value: A;
  path: string;
  onChange(next: A): void;
  /** errors only this card knows (unparsable JSON), so the editor can refuse to save */
  onLocalError(path: string, message: string | null): void;
}
type Props<A extends Action> = ActionFieldsProps<A>;

export function TextResponseFields({ value, path, onChange }: Props<WebResponseTextAction>) {
  const textIssues = useIssues(`${path}.text`);
  return (
    <EditorField label="Response text" path={`${path}.text`} wide hint="{run_id} is replaced by the id of the run this request created.">
      <input
        className="input mono"
        {...controlProps(`${path}.text`, textIssues.error)}
        value={value.text}
        onChange={(e) => onChange({ ...value, text: e.target.value })}
      />
    </EditorField>
  );
}

export function RunExecutionFields({ value, path, onChange }: Props<RunExecutionAction>) {
  const project = useContext(ProjectSummaryContext);
  return (
    <>
      <NameField
        label="Step"
        path={`${path}.step`}
        value={value.step}
        suggestions={project?.steps.map((s) => s.name)}
        onChange={(step) => onChange({ ...value, step })}
      />
      <NameField
        label="Payload input"
        path={`${path}.payloadInputName`}
        value={value.payloadInputName ?? ''}
        suggestions={project?.steps.find((s) => s.name === value.step)?.inputs}
        hint="The step input that receives the untouched request body."
        onChange={(n) => onChange({ ...value, payloadInputName: n })}
      />
      <ModeField value={value} path={path} linked={project?.linked ?? false} onChange={onChange} />
    </>
  );
}

/** run-pipeline and copy-pipeline */
export function PipelineFields<A extends RunPipelineAction | CopyPipelineAction>({ value, path, onChange }: Props<A>) {
  const project = useContext(ProjectSummaryContext);
  return (
    <>
      <NameField
        label="Pipeline"
        path={`${path}.pipeline`}
        value={value.pipeline}
        suggestions={project?.pipelines.map((p) => p.name)}
        onChange={(pipeline) => onChange({ ...value, pipeline })}
      />
      <NameField
        label="Payload input"
        path={`${path}.payloadInputName`}
        value={value.payloadInputName ?? ''}
        suggestions={project?.pipelines.find((p) => p.name === value.pipeline)?.nodes.flatMap((n) => n.inputs.map((input) => `${n.name}.${input}`))}
        hint='As "node.input": the pipeline node and its input that receive the request body.'
        onChange={(n) => onChange({ ...value, payloadInputName: n })}
      />
      <ModeField value={value} path={path} linked={project?.linked ?? false} onChange={onChange} />
    </>
  );
}

function NameField({
  label,
  path,
  value,
  hint,
  suggestions,
  onChange,
}: {
  label: string;
  path: string;
  value: string;
  hint?: string;
  suggestions?: string[];
  onChange(next: string): void;
}) {
  const { error } = useIssues(path);
  const listId = suggestions?.length ? `suggest-${path}` : undefined;
  return (
    <EditorField label={label} path={path} hint={hint}>
      <input className="input mono" {...controlProps(path, error)} list={listId} value={value} spellCheck={false} onChange={(e) => onChange(e.target.value)} />
      {listId && (
        <datalist id={listId}>
          {suggestions!.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
    </EditorField>
  );
}

const MODE_LABELS: Record<LocalRunMode | '', string> = {
  '': 'Project default',
  simulate: 'Simulate (timed status changes, no code)',
  command: "Run the step's commands locally",
};

/** Hookbench-only: how this action runs on the laptop; absent means the project's default. */
function ModeField<A extends RunAction>({ value, path, linked, onChange }: { value: A; path: string; linked: boolean; onChange(next: A): void }) {
  const { error } = useIssues(`${path}.mode`);
  const hint = linked ? 'Local only: the real service ignores this.' : 'No project is linked (Runs page), so runs are simulated.';
  return (
    <EditorField label="Local run" path={`${path}.mode`} hint={hint}>
      <select
        className="input"
        {...controlProps(`${path}.mode`, error)}
        value={value.mode ?? ''}
        onChange={(e) => {
          const { mode: _old, ...rest } = value;
          const mode = e.target.value as LocalRunMode | '';
          onChange((mode ? { ...rest, mode } : rest) as A);
        }}
      >
        {(['', ...LOCAL_RUN_MODES] as const).map((m) => (
          <option key={m} value={m}>
            {MODE_LABELS[m]}
          </option>
        ))}
      </select>
    </EditorField>
  );
}

export function JsonResponseField({ value, path, onChange, onLocalError }: Props<WebResponseJsonAction>) {
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
      {localError && (
        <p className="field-error" role="alert" data-testid={`json-error-${path}`}>
          {localError}
        </p>
      )}
    </EditorField>
  );
}
