import { useEffect, useState } from 'react';
import { selectConnection } from '../store/selectors';
import { useAppStore } from '../store/store';

/** Shown while the live event stream is down: the list may be stale until it comes back. */
export function ConnectionBanner() {
  const connection = useAppStore(selectConnection);
  const [, setTick] = useState(0);
  const down = connection.state === 'disconnected';
  // re-render twice a second for the countdown while down
  useEffect(() => {
    if (!down) return;
    const timer = setInterval(() => setTick((tick) => tick + 1), 500);
    return () => clearInterval(timer);
  }, [down]);
  if (!down) return null;
  const seconds = connection.retryAt ? Math.max(0, Math.ceil((connection.retryAt - Date.now()) / 1000)) : null;
  return (
    <div className="banner banner-error" role="alert" data-testid="disconnected-banner">
      <strong>Disconnected from the Hookbench engine.</strong> {connection.reason ?? 'Live updates are paused; the list may be out of date.'}{' '}
      {seconds !== null && (seconds > 0 ? `Reconnecting in ${seconds}s…` : 'Reconnecting…')}
    </div>
  );
}
