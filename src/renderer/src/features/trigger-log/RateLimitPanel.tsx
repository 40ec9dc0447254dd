import { useEffect, useMemo, useState } from 'react';
import { queryTriggerLog } from '../../store/triggerLogActions';
import type { RateLimitCondition, Trigger } from '@shared/trigger';
import { describeError } from '../../api/envelope';
import { useNow } from '../../hooks/useNow';
import { selectTriggerLog } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { formatPeriod } from '../triggers';
import { formatClock } from '../../lib/format';
import { RateLimitChart } from './RateLimitChart';
import { rateLimitPicture } from './rateLimitSeries';

/** For a trigger with rate limits: how full each window is, drawn against its quota. */
export function RateLimitPanel({ trigger }: { trigger: Trigger }) {
  const limits = useMemo(() => trigger.conditions.filter((c): c is RateLimitCondition => c.type === 'rate-limit'), [trigger]);
  const [launches, setLaunches] = useState<number[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const now = useNow(5000);
  const log = useAppStore(selectTriggerLog);
  // a new launch of this trigger in the live log is the cue to refetch
  const newestLaunch = log.entries.find((e) => e.triggerId === trigger.id && e.outcome === 'launched')?.id;
  useEffect(() => {
    let live = true;
    queryTriggerLog({ filter: { triggerId: trigger.id, outcome: 'launched' }, limit: 1000 }).then(
      (entries) => {
        if (live) {
          setLaunches(entries.map((e) => e.at));
          setError(null);
        }
      },
      (e) => live && setError(describeError(e)),
    );
    return () => {
      live = false;
    };
  }, [trigger.id, newestLaunch]);
  const pictures = useMemo(() => limits.map((l) => rateLimitPicture(launches ?? [], l.period, now)), [limits, launches, now]);
  if (!limits.length) return null;
  return (
    <section className="rate-limits" data-testid="rate-limit-panel">
      <h3>Rate limits of {trigger.title}</h3>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {launches === null && !error && <p className="muted small">Loading launches…</p>}
      {launches !== null &&
        limits.map((l, i) => {
          const p = pictures[i];
          return (
            <div key={i} className="rate-limit">
              <p className="small">
                <strong data-testid="rate-limit-usage">
                  {p.current} of {l.quota}
                </strong>{' '}
                launches in the last {formatPeriod(l.period)}
                {p.current >= l.quota && <span className="danger-text"> · full: the next request is rejected</span>}
                {p.nextFreeAt && <span className="muted"> · next slot frees at {formatClock(p.nextFreeAt)}</span>}
              </p>
              <RateLimitChart picture={p} quota={l.quota} period={l.period} />
            </div>
          );
        })}
    </section>
  );
}
