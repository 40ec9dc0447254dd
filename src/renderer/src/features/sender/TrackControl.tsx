// "Track the run": on by default only for a trigger launch URL (the one target whose answer names
// a run); elsewhere off, with the reason in one line. A choice the user makes sticks.
import { launchTarget } from '@shared/signing/run-id-detect';

/** `choice` null: follow the target (on for a launch URL, off otherwise) */
export const trackingOn = (choice: boolean | null, url: string): boolean => choice ?? launchTarget(url).launch;

export function TrackControl({ url, choice, onChange, testId }: { url: string; choice: boolean | null; onChange(next: boolean): void; testId: string }) {
  const target = launchTarget(url);
  const on = trackingOn(choice, url);
  const hint = target.launch
    ? on
      ? `launch URL of trigger ${target.triggerId}: the run its answer names is followed`
      : `launch URL of trigger ${target.triggerId}: tracking is off`
    : on
      ? `${target.reason}; tracking starts only if the answer names a run id`
      : `off: ${target.reason}`;
  return (
    <span className="sender-track-control">
      <label className="sender-check">
        <input type="checkbox" checked={on} onChange={(e) => onChange(e.target.checked)} data-testid={testId} /> Track the run
      </label>
      <span className="small muted" data-testid={`${testId}-hint`} data-launch={target.launch}>
        {hint}
      </span>
    </span>
  );
}
