import type { ReactNode } from 'react';
import { useContext } from 'react';
import { issuesUnder } from '../lib/fieldIssues';
import { IssuesContext } from './issuesContext';

/** One condition or action: its title, reorder and remove buttons, card-level messages, its form. */
export function CardFrame({
  title,
  subtitle,
  path,
  index,
  count,
  onMove,
  onRemove,
  children,
  testId,
}: {
  title: string;
  subtitle?: string;
  path: string;
  index: number;
  count: number;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
  children: ReactNode;
  testId: string;
}) {
  const issues = useContext(IssuesContext);
  // messages about the card itself (e.g. "only the first web-response answers"), not a field
  const own = issuesUnder(issues.warnings, path)
    .filter(([p]) => p === path)
    .flatMap(([, list]) => list);
  const ownError = issues.errors[path] ?? issues.errors[`${path}.type`];
  return (
    <section className={`card${ownError ? ' has-error' : ''}`} data-testid={testId} data-index={index}>
      <header className="card-head">
        <span className="card-index">{index + 1}</span>
        <h4 className="card-title">{title}</h4>
        {subtitle && <span className="card-subtitle muted">{subtitle}</span>}
        <span className="card-tools">
          <button
            type="button"
            className="button button-small"
            aria-label="Move up"
            title="Move up"
            disabled={index === 0}
            onClick={() => onMove(-1)}
            data-testid={`${testId}-up`}
          >
            ↑
          </button>
          <button
            type="button"
            className="button button-small"
            aria-label="Move down"
            title="Move down"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
            data-testid={`${testId}-down`}
          >
            ↓
          </button>
          <button
            type="button"
            className="button button-small button-danger-quiet"
            aria-label="Remove"
            title="Remove"
            onClick={onRemove}
            data-testid={`${testId}-remove`}
          >
            Remove
          </button>
        </span>
      </header>
      {ownError && (
        <p className="field-error card-message" role="alert" data-testid={`error-${path}`}>
          {ownError}
        </p>
      )}
      {own.map((w) => (
        <p key={w.code} className={`card-message ${w.severity === 'warning' ? 'field-warning' : 'field-info'}`} data-testid={`warning-${path}`}>
          {w.message}
        </p>
      ))}
      <div className="card-body">{children}</div>
    </section>
  );
}
