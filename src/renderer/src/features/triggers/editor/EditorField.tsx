import type { ReactNode } from 'react';
import { fieldId, useIssues } from './issuesContext';

/** A labelled control with its validation error and lint warnings shown right under it. */
export function EditorField({ label, path, hint, children, wide }: { label: string; path: string; hint?: ReactNode; children: ReactNode; wide?: boolean }) {
  const { error, warnings } = useIssues(path);
  return (
    <div className={`efield${wide ? ' efield-wide' : ''}${error ? ' has-error' : ''}`}>
      <label className="efield-label" htmlFor={fieldId(path)}>
        {label}
      </label>
      <div className="efield-control">
        {children}
        {error && (
          <p className="field-error" role="alert" data-testid={`error-${path}`}>
            {error}
          </p>
        )}
        {warnings.map((w) => (
          <p key={w.code + w.message} className={w.severity === 'warning' ? 'field-warning' : 'field-info'} data-testid={`warning-${path}`}>
            {w.message}
          </p>
        ))}
        {hint && <p className="field-hint">{hint}</p>}
      </div>
    </div>
  );
}

/** Props every form control in a card gets: its id, test id and invalid state from the path. */
export function controlProps(path: string, error: string | undefined) {
  return { id: fieldId(path), 'data-testid': `input-${path}`, 'aria-invalid': error ? true : undefined };
}
