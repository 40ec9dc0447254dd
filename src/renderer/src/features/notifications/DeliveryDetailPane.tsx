// One delivery: the exact body, and per attempt the request headers, the answer and the error.
import { getDelivery } from '../../store/notificationActions';
import { useEffect, useState } from 'react';
import type { DeliveryDetail } from '@shared/notifications';
import { describeError } from '../../api/envelope';
import { CopyButton } from '../../components/CopyButton';
import { PairsTable } from '../../components/PairsTable';
import { useAppStore } from '../../store/store';
import { Time } from '../../components/Time';
import { formatClock } from '../../lib/format';

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function DeliveryDetailPane({ id, onRedeliver }: { id: string; onRedeliver(id: string): void }) {
  const summary = useAppStore((s) => s.notifications.deliveries.find((d) => d.id === id));
  const [detail, setDetail] = useState<DeliveryDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  // refetch when the summary changes: a new attempt was journaled
  useEffect(() => {
    let live = true;
    getDelivery(id).then(
      (d) => live && setDetail(d),
      (e) => live && setError(describeError(e)),
    );
    return () => {
      live = false;
    };
  }, [id, summary?.updatedAt]);

  if (error) return <p className="notify-error notify-pad">{error}</p>;
  if (!detail) return <p className="muted notify-pad">Loading…</p>;
  return (
    <div className="notify-pad delivery-detail" data-testid="delivery-detail">
      <h3>{detail.title}</h3>
      <p className="small">
        <span className={`delivery-status delivery-${detail.status}`} data-testid="delivery-detail-status">
          {detail.status}
        </span>{' '}
        <span className="mono">{detail.eventType}</span> → {detail.target.channelName} <span className="muted mono wrap-anywhere">{detail.target.url}</span>
      </p>
      <p className="small muted">
        Delivery id{' '}
        <span className="mono" data-testid="delivery-detail-id">
          {detail.id}
        </span>{' '}
        ({detail.origin}
        {detail.redeliveryOf ? `, redelivery of ${detail.redeliveryOf}` : ''})
        {detail.nextRetryAt && detail.status === 'retrying' ? ` · next retry ${formatClock(detail.nextRetryAt)}` : ''}
      </p>
      <div className="notify-actions">
        <button type="button" className="button button-small" data-testid="delivery-redeliver" onClick={() => onRedeliver(detail.id)}>
          Redeliver
        </button>
        <CopyButton text={detail.requestBody} label="Copy body" />
      </div>
      <h4>Request body</h4>
      <pre className="code-block" data-testid="delivery-request-body">
        {pretty(detail.requestBody)}
      </pre>
      {detail.attempts.map((a) => (
        <details key={a.number} className="delivery-attempt" open={a.number === detail.attempts.length} data-testid="delivery-attempt">
          <summary>
            Attempt {a.number} · <Time at={a.startedAt} /> · {Math.round(a.durationMs)} ms ·{' '}
            {a.ok ? (
              <span className="notify-good">HTTP {a.responseStatus}</span>
            ) : (
              <span className="notify-bad" data-testid="delivery-attempt-error">
                {a.error}
              </span>
            )}
            {a.nextRetryAt ? (
              <span className="muted">
                {' '}
                · retry at <Time at={a.nextRetryAt} />
              </span>
            ) : null}
          </summary>
          <h4>Request headers</h4>
          <PairsTable pairs={a.requestHeaders} empty="Not sent." />
          <h4>Response {a.responseStatus ?? ''}</h4>
          <PairsTable pairs={a.responseHeaders} empty="No response." />
          {a.responseBytes > 0 && (
            <>
              <p className="small muted">
                {a.responseBytes} bytes{a.responseTruncated ? `, first ${a.responseExcerpt.length} kept` : ''}
              </p>
              <pre className="code-block">{a.responseExcerpt}</pre>
            </>
          )}
        </details>
      ))}
    </div>
  );
}
