import type { ReactNode } from 'react';

export function Field({
  label,
  hint,
  error,
  warning,
  children,
  htmlFor,
}: {
  label: string;
  htmlFor: string;
  hint?: ReactNode;
  error?: string;
  warning?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label className="field-label" htmlFor={htmlFor}>
        {label}
      </label>
      <div className="field-control">
        {children}
        {error && (
          <p className="field-error" role="alert" data-testid={`error-${htmlFor}`}>
            {error}
          </p>
        )}
        {!error && warning && (
          <p className="field-warning" data-testid={`warning-${htmlFor}`}>
            {warning}
          </p>
        )}
        {hint && <p className="field-hint">{hint}</p>}
      </div>
    </div>
  );
}
