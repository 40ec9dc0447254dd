// Every time on screen follows one rule: relative in lists ("5m ago"), a 24-hour clock elsewhere
// ("14:03:27", with the date when it is not today), and the exact time on hover.
import { formatClock, formatExactTime, formatRelativeTime } from '../lib/format';

export function Time({ at, now, relative }: { at: number; now?: number; relative?: boolean }) {
  const current = now ?? Date.now();
  return (
    <time className="time nowrap" dateTime={new Date(at).toISOString()} title={formatExactTime(at)}>
      {relative ? formatRelativeTime(at, current) : formatClock(at, current)}
    </time>
  );
}
