// The project link: which folder's valohai.yaml runs use, how runs are carried out, and what the file declares.
import { useEffect, useState } from 'react';
import type { ProjectSectionPatch, SimulatedOutcome } from '@shared/project';
import type { RunMode } from '@shared/runs';
import { describeError } from '../../api/envelope';
import { saveProject } from '../../store/runActions';
import { useAppStore } from '../../store/store';

export function ProjectPanel() {
  const project = useAppStore((s) => s.runs.project);
  const loadError = useAppStore((s) => s.runs.projectError);
  const [folder, setFolder] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setFolder(project?.section.folder ?? ''), [project?.section.folder]);
  if (!project) return <div className="runs-project muted small">{loadError ?? 'Loading the project link…'}</div>;
  const { section, definition } = project;
  const save = (patch: ProjectSectionPatch) =>
    saveProject(patch).then(
      () => setError(null),
      (e) => setError(describeError(e)),
    );
  const errors = definition?.problems.filter((p) => p.severity === 'error') ?? [];
  return (
    <details className="runs-project" data-testid="project-panel" open={!section.folder}>
      <summary>
        Project:{' '}
        {section.folder ? (
          <code className="mono" data-testid="project-folder">
            {section.folder}
          </code>
        ) : (
          <span className="muted">none linked</span>
        )}
        {' · '}runs are <b data-testid="project-mode">{project.effectiveMode === 'command' ? 'run as commands' : 'simulated'}</b>
        {definition && (
          <span className="muted small">
            {' '}
            · {definition.steps.length} steps, {definition.pipelines.length} pipelines
          </span>
        )}
        {(project.error || errors.length > 0) && (
          <span className="runs-problem-count" data-testid="project-problem-count">
            {' '}
            · {project.error ? 1 : errors.length} problem(s)
          </span>
        )}
      </summary>
      <div className="runs-project-form">
        <label className="field-inline">
          Folder with valohai.yaml
          <input
            className="input"
            value={folder}
            placeholder="/path/to/project"
            data-testid="project-folder-input"
            onChange={(e) => setFolder(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="button button-primary"
          data-testid="project-link"
          disabled={!folder.trim() && !section.folder}
          onClick={() => void save({ folder: folder.trim() || null })}
        >
          {folder.trim() || !section.folder ? 'Link' : 'Unlink'}
        </button>
        <label className="field-inline">
          Mode
          <select
            className="input input-small"
            value={section.defaultMode}
            data-testid="project-mode-select"
            onChange={(e) => void save({ defaultMode: e.target.value as RunMode })}
          >
            <option value="command">run commands</option>
            <option value="simulate">simulate</option>
          </select>
        </label>
        <NumberField label="At once" value={section.concurrency} min={1} onSave={(v) => save({ concurrency: v })} testId="project-concurrency" />
        <NumberField
          label="Timeout (s, 0 = none)"
          value={section.timeoutSeconds}
          min={0}
          onSave={(v) => save({ timeoutSeconds: v })}
          testId="project-timeout"
        />
        <NumberField
          label="Simulated duration (ms)"
          value={section.simulate.durationMs}
          min={0}
          onSave={(v) => save({ simulate: { durationMs: v } })}
          testId="project-sim-duration"
        />
        <label className="field-inline">
          Simulated outcome
          <select
            className="input input-small"
            value={section.simulate.outcome}
            data-testid="project-sim-outcome"
            onChange={(e) => void save({ simulate: { outcome: e.target.value as SimulatedOutcome } })}
          >
            <option value="completed">completed</option>
            <option value="error">error</option>
            <option value="stopped">stopped</option>
          </select>
        </label>
      </div>
      {!section.folder && (
        <p className="muted small">Without a project every run action is simulated: queued → started → the outcome above after the duration.</p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {project.error && (
        <p className="banner banner-error small" data-testid="project-error">
          {project.error}
        </p>
      )}
      {definition && definition.problems.length > 0 && (
        <ul className="runs-problems" data-testid="project-problems">
          {definition.problems.map((p, i) => (
            <li key={i} className={`runs-problem-${p.severity}`}>
              <span className="mono">{p.line ? `line ${p.line}` : 'file'}</span> {p.message}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

function NumberField({ label, value, min, onSave, testId }: { label: string; value: number; min: number; onSave(v: number): void; testId: string }) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const commit = () => {
    const n = Number(text);
    if (Number.isInteger(n) && n >= min && n !== value) onSave(n);
    else setText(String(value));
  };
  return (
    <label className="field-inline">
      {label}
      <input
        className="input input-small runs-number"
        inputMode="numeric"
        value={text}
        data-testid={testId}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
    </label>
  );
}
