import { useEffect, useState } from 'react';

/** A destructive button that asks once inline ("Really clear?") instead of a modal dialog. */
export function ConfirmButton({
  label,
  confirmLabel,
  onConfirm,
  testId,
  disabled,
  small,
}: {
  label: string;
  confirmLabel: string;
  onConfirm(): void;
  testId?: string;
  disabled?: boolean;
  /** match a row of button-small neighbours */
  small?: boolean;
}) {
  const size = small ? ' button-small' : '';
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    if (!asking) return;
    const timer = setTimeout(() => setAsking(false), 4000);
    return () => clearTimeout(timer);
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" className={`button button-danger-quiet${size}`} data-testid={testId} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm">
      <button
        type="button"
        className={`button button-danger${size}`}
        data-testid={testId ? `${testId}-confirm` : undefined}
        autoFocus
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className={`button${size}`} onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
